import type { Context } from "hono";
import { AppError, type DataScope, type Principal, scopeOf } from "../app/index.ts";
import type { ServerEnv } from "./server-env.ts";

/** The signed-in caller; the auth middleware guarantees one on every protected route. */
export function principalOf(c: Context<ServerEnv>): Principal {
  const principal = c.get("principal") as Principal | undefined;
  if (!principal) throw new AppError("unauthorized", "sign in first");
  return principal;
}

/** What the caller's queries may touch: everything, or a supplier's own party's data. */
export function scopeOfRequest(c: Context<ServerEnv>): DataScope {
  return scopeOf(principalOf(c));
}

/** Roles per kind of route: every route names one of these in `requireRole`. */
export const ANY_ROLE = ["admin", "analyst", "viewer", "supplier"] as const;
export const STAFF = ["admin", "analyst", "viewer"] as const;
export const DECIDERS = ["admin", "analyst"] as const;
