import type { Context } from "hono";
import { isAppError } from "../../app/index.ts";
import type { GraphView } from "../graph-views.ts";
import type { ServerEnv } from "../server-env.ts";
import { RETRY_AFTER_S } from "../trace-service.ts";

/**
 * A view of the trace graph as JSON text, from where the graph is (the trace worker under `serve`:
 * one copy of it per server). While the graph is being built: 503 `not-ready` with Retry-After.
 */
export async function graphAnswer(c: Context<ServerEnv>, view: GraphView): Promise<string> {
  try {
    return await c.var.traces.view(view);
  } catch (e) {
    if (isAppError(e) && e.code === "not-ready") c.header("Retry-After", String(RETRY_AFTER_S));
    throw e;
  }
}
