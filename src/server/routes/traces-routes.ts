import { createRoute } from "@hono/zod-openapi";
import {
  IdParamSchema,
  ShipmentListQuerySchema,
  ShipmentListSchema,
  TraceQuerySchema,
  TraceResultSchema,
} from "../../api/index.ts";
import type { ShipmentAssessment, TraceResult, VerdictCounts } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { STAFF } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, jsonText } from "../wire.ts";
import { graphAnswer } from "./graph-answer.ts";

const trace = createRoute({
  method: "get",
  path: "/api/lots/{id}/trace",
  tags: ["traces"],
  summary: "What share of a lot or shipment comes from Xinjiang or is untraced (as `threadproof trace`)",
  description:
    "`id`: a lot (EPC class, Digital Link or internal id), a shipment's business-transaction id (BOL-MAEU-5501) or an event id, percent-encoded. direction=down: where the lot went (recall). Every figure carries the proving path (lot → event → location). While the trace graph is being built (at start, after an import; `/api/health` shows `graph`), 503 `not-ready` with Retry-After.",
  middleware: [requireRole(...STAFF)] as const,
  request: { params: IdParamSchema, query: TraceQuerySchema },
  responses: {
    200: { description: "the trace (docs/tracing.md)", content: json(TraceResultSchema) },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

const shipments = createRoute({
  method: "get",
  path: "/api/shipments",
  tags: ["traces"],
  summary: "Every import shipment with its trace and verdict (the main job's table)",
  description:
    "inadmissible: any Xinjiang share or listed entity (no de minimis); insufficient-evidence: untraced mass or open flags; admissible otherwise.",
  middleware: [requireRole(...STAFF)] as const,
  request: { query: ShipmentListQuerySchema },
  responses: {
    200: { description: "the shipments", content: json(ShipmentListSchema) },
    ...errorResponses(400, 401, 403, 503),
  },
});

export const traceRoutes: RouteModule = (app) => {
  app.openapi(trace, async (c) => {
    const { id } = c.req.valid("param");
    const text = await graphAnswer(c, { kind: "trace", lot: id, direction: c.req.valid("query").direction });
    return jsonText<TraceResult>(c, text);
  });
  app.openapi(shipments, async (c) => {
    const text = await graphAnswer(c, { kind: "shipments", ...defined(c.req.valid("query")) });
    return jsonText<{ items: readonly ShipmentAssessment[]; counts: VerdictCounts }>(c, text);
  });
};
