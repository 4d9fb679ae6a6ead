import { createRoute } from "@hono/zod-openapi";
import { IdParamSchema, LotDetailSchema, LotPageSchema, PageQuerySchema } from "../../api/index.ts";
import { listLots, lotDetail } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { apiPage, decodeCursor } from "../pagination.ts";
import { ANY_ROLE, scopeOfRequest } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const list = createRoute({
  method: "get",
  path: "/api/lots",
  tags: ["records"],
  summary: "Lots (batches of one product class) in id order",
  description: "A supplier sees the lots created, held or transformed at its locations.",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { query: PageQuerySchema },
  responses: {
    200: { description: "a page of lots", content: json(LotPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const one = createRoute({
  method: "get",
  path: "/api/lots/{id}",
  tags: ["records"],
  summary: "One lot with its events (oldest first), the business documents they cite and registered files",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "the lot", content: json(LotDetailSchema) },
    ...errorResponses(401, 403, 404),
  },
});

export const lotRoutes: RouteModule = (app) => {
  app.openapi(list, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const page = await listLots(
      c.var.store,
      scopeOfRequest(c),
      defined({ limit, after: decodeCursor(cursor) }),
    );
    return c.json(wire(apiPage(page)), 200);
  });
  app.openapi(one, async (c) => {
    const detail = await lotDetail(c.var.store, scopeOfRequest(c), c.req.valid("param").id);
    return c.json(wire(detail), 200);
  });
};
