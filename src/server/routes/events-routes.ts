import { createRoute } from "@hono/zod-openapi";
import { EventListQuerySchema, EventPageSchema, EventSchema, IdParamSchema } from "../../api/index.ts";
import { eventDetail, listEvents } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { apiPage, decodeCursor } from "../pagination.ts";
import { ANY_ROLE, scopeOfRequest } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const list = createRoute({
  method: "get",
  path: "/api/events",
  tags: ["records"],
  summary: "Supply-chain events (EPCIS) by lot, location or kind, in id order; retracted events left out",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { query: EventListQuerySchema },
  responses: {
    200: { description: "a page of events", content: json(EventPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const one = createRoute({
  method: "get",
  path: "/api/events/{id}",
  tags: ["records"],
  summary: "One event by its GS1 event hash (percent-encoded)",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "the event", content: json(EventSchema) },
    ...errorResponses(401, 403, 404),
  },
});

export const eventRoutes: RouteModule = (app) => {
  app.openapi(list, async (c) => {
    const { cursor, ...query } = c.req.valid("query");
    const page = await listEvents(
      c.var.store,
      scopeOfRequest(c),
      defined({ ...query, after: decodeCursor(cursor) }),
    );
    return c.json(wire(apiPage(page)), 200);
  });
  app.openapi(one, async (c) => {
    const event = await eventDetail(c.var.store, scopeOfRequest(c), c.req.valid("param").id);
    return c.json(wire(event), 200);
  });
};
