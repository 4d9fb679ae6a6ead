import { createRoute } from "@hono/zod-openapi";
import {
  IdParamSchema,
  LocationListQuerySchema,
  LocationPageSchema,
  LocationRowSchema,
} from "../../api/index.ts";
import { listLocations, locationDetail } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { apiPage, decodeCursor } from "../pagination.ts";
import { ANY_ROLE, scopeOfRequest } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const list = createRoute({
  method: "get",
  path: "/api/locations",
  tags: ["records"],
  summary: "Facilities with coordinates, operator and risk (Xinjiang address, list hits)",
  description:
    "In id order. Filters: q (name or id), country, region (province or Xinjiang), hits, risk. A supplier sees only the locations its party operates or owns.",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { query: LocationListQuerySchema },
  responses: {
    200: { description: "a page of locations", content: json(LocationPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const one = createRoute({
  method: "get",
  path: "/api/locations/{id}",
  tags: ["records"],
  summary: "One facility with its operator and risk",
  middleware: [requireRole(...ANY_ROLE)] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "the location", content: json(LocationRowSchema) },
    ...errorResponses(401, 403, 404),
  },
});

export const locationRoutes: RouteModule = (app) => {
  app.openapi(list, async (c) => {
    const { cursor, ...query } = c.req.valid("query");
    const after = decodeCursor(cursor);
    const page = await listLocations(
      c.var.store,
      c.var.readModel,
      scopeOfRequest(c),
      defined({ ...query, after }),
    );
    return c.json(wire(apiPage(page)), 200);
  });
  app.openapi(one, async (c) => {
    const row = await locationDetail(
      c.var.store,
      c.var.readModel,
      scopeOfRequest(c),
      c.req.valid("param").id,
    );
    return c.json(wire(row), 200);
  });
};
