import { createRoute } from "@hono/zod-openapi";
import { BalanceQuerySchema, BalanceSchema, StatsSchema } from "../../api/index.ts";
import { balanceFromModel, overview } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { STAFF } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { wire } from "../wire.ts";

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
    ...errorResponses(400, 401, 403),
  },
});

const stats = createRoute({
  method: "get",
  path: "/api/stats",
  tags: ["records"],
  summary: "The dashboard: store counts, hits by state, shipments by verdict, locations with gaps",
  middleware: [requireRole(...STAFF)] as const,
  responses: { 200: { description: "overview", content: json(StatsSchema) }, ...errorResponses(401, 403) },
});

export const balanceRoutes: RouteModule = (app) => {
  app.openapi(balance, async (c) => {
    const { period, status, location } = c.req.valid("query");
    const result = await balanceFromModel(c.var.readModel, period);
    const locations = result.locations.filter(
      (l) =>
        (status === undefined || l.status === status) && (location === undefined || l.location === location),
    );
    return c.json(wire({ locations }), 200);
  });
  app.openapi(stats, async (c) => c.json(wire(await overview(c.var.store, c.var.readModel)), 200));
};
