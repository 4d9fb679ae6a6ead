import type { Principal, ReadModel, Store } from "../app/index.ts";
import type { TraceService } from "./trace-service.ts";

/** Hono's typed context for every route: the store and, after auth, the caller. */
export interface ServerEnv {
  Variables: {
    store: Store;
    principal: Principal;
    /** Screening, trace graph and assessments, built once and rebuilt when the data changes. */
    readModel: ReadModel;
    /** Traces from the warmed graph, with its readiness (`/api/health`). */
    traces: TraceService;
  };
}
