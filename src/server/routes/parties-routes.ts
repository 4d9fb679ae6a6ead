import { createRoute } from "@hono/zod-openapi";
import { IdParamSchema, PartyDetailSchema, PartyListQuerySchema, PartyPageSchema } from "../../api/index.ts";
import { listParties, partyDetail } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { apiPage, decodeCursor } from "../pagination.ts";
import { ANY_ROLE, scopeOfRequest } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const list = createRoute({
  method: "get",
  path: "/api/parties",
  tags: ["records"],
  summary: "Parties (companies) with their screening hits by state",
  description: "In id order. A supplier sees only its own party.",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { query: PartyListQuerySchema },
  responses: {
    200: { description: "a page of parties", content: json(PartyPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const one = createRoute({
  method: "get",
  path: "/api/parties/{id}",
  tags: ["records"],
  summary: "One party, its hits and the locations it operates",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "the party", content: json(PartyDetailSchema) },
    ...errorResponses(401, 403, 404),
  },
});

export const partyRoutes: RouteModule = (app) => {
  app.openapi(list, async (c) => {
    const { cursor, ...query } = c.req.valid("query");
    const after = decodeCursor(cursor);
    const page = await listParties(
      c.var.store,
      c.var.readModel,
      scopeOfRequest(c),
      defined({ ...query, after }),
    );
    return c.json(wire(apiPage(page)), 200);
  });
  app.openapi(one, async (c) => {
    const detail = await partyDetail(
      c.var.store,
      c.var.readModel,
      scopeOfRequest(c),
      c.req.valid("param").id,
    );
    return c.json(wire(detail), 200);
  });
};
