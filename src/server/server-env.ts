import type { Principal, Store } from "../app/index.ts";

/** Hono's typed context for every route: the store and, after auth, the caller. */
export interface ServerEnv {
  Variables: {
    store: Store;
    principal: Principal;
  };
}
