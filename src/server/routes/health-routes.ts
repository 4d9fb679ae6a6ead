import { createRoute } from "@hono/zod-openapi";
import { HealthSchema } from "../../api/index.ts";
import type { PartyId } from "../../model/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import type { RouteModule } from "../server-app.ts";

/** An id no record has: looking it up is an indexed query that touches no data. */
const PROBE_ID = "party:health-check" as PartyId;

const health = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["service"],
  summary: "Liveness, store reachability and trace-graph readiness (no sign-in, no data)",
  description:
    "200 when the process answers and the store answers a query, with `graph`: `building` while the trace graph is built (at start, after an import), then `ready`; 503 `store-unavailable` when the store does not answer (a PostgreSQL server down, a locked or missing SQLite file).",
  responses: {
    200: { description: "the server and its store answer", content: json(HealthSchema) },
    ...errorResponses(503),
  },
});

export const healthRoutes: RouteModule = (app) => {
  app.openapi(health, async (c) => {
    await c.var.store.getParty(PROBE_ID);
    return c.json(
      {
        status: "ok" as const,
        store: c.var.store.kind,
        checkedAt: new Date().toISOString(),
        graph: c.var.traces.state(),
      },
      200,
    );
  });
};
