import type { MiddlewareHandler } from "hono";
import { AppError, type Role } from "../../app/index.ts";
import type { ServerEnv } from "../server-env.ts";

/**
 * Refuses (403 forbidden) a caller whose role is not listed. Admin routes also need the `admin`
 * scope when called with an API token, so an admin's automation token is not an admin by default.
 * Runs after `authMiddleware`; without a principal it is a 401.
 */
export function requireRole(...roles: readonly Role[]): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const principal = c.get("principal") as ServerEnv["Variables"]["principal"] | undefined;
    if (!principal) throw new AppError("unauthorized", "sign in first");
    if (!roles.includes(principal.role))
      throw new AppError("forbidden", `this needs the role ${roles.join(" or ")}; you are ${principal.role}`);
    const adminOnly = roles.length === 1 && roles[0] === "admin";
    if (adminOnly && principal.via === "token" && !principal.scopes?.includes("admin"))
      throw new AppError("forbidden", "this API token lacks the admin scope");
    await next();
  };
}
