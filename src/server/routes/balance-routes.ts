import { createRoute } from "@hono/zod-openapi";
import { BalanceQuerySchema, BalanceSchema, StatsSchema } from "../../api/index.ts";
import type { LocationBalance, Overview } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { STAFF } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, jsonText } from "../wire.ts";
import { graphAnswer } from "./graph-answer.ts";

const balance = createRoute({
  method: "get",
  path: "/api/balance",
  tags: ["traces"],
  summary:
    "Mass balance per location (as `threadproof balance`): output per origin against traced input × yield",
  middleware: [requireRole(...STAFF)] as const,
  request: { query: BalanceQuerySchema },
  responses: {
    200: { description: "per location", content: json(BalanceSchema) },
    ...errorResponses(400, 401, 403, 503),
  },
});

const stats = createRoute({
  method: "get",
  path: "/api/stats",
  tags: ["records"],
  summary: "The dashboard: store counts, hits by state, shipments by verdict, locations with gaps",
  middleware: [requireRole(...STAFF)] as const,
  responses: {
    200: { description: "overview", content: json(StatsSchema) },
    ...errorResponses(401, 403, 503),
  },
});

export const balanceRoutes: RouteModule = (app) => {
  app.openapi(balance, async (c) => {
    const text = await graphAnswer(c, { kind: "balance", ...defined(c.req.valid("query")) });
    return jsonText<{ locations: readonly LocationBalance[] }>(c, text);
  });
  app.openapi(stats, async (c) => jsonText<Overview>(c, await graphAnswer(c, { kind: "stats" })));
};
