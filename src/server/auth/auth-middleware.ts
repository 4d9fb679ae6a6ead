import type { Context, MiddlewareHandler } from "hono";
import {
  AppError,
  csrfMatches,
  type Principal,
  principalForSession,
  principalForToken,
  type Store,
} from "../../app/index.ts";
import type { ServerEnv } from "../server-env.ts";
import { CSRF_HEADER, readSessionCookie } from "./session-cookie.ts";

/** Reachable without signing in: the API description, health, login, and everything outside /api (the UI). */
export function isPublicPath(path: string): boolean {
  if (!path.startsWith("/api/") && path !== "/api") return true;
  return ["/api/health", "/api/docs", "/api/auth/login", "/api/openapi.json"].includes(path);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function unauthorized(message = "sign in (POST /api/auth/login) or send Authorization: Bearer <API token>") {
  return new AppError("unauthorized", message);
}

async function fromBearer(store: Store, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthorized("the Authorization header must be `Bearer <API token>`");
  const found = await principalForToken(store, match[1]);
  if (!found) throw unauthorized("the API token is unknown, revoked, or its account is disabled");
  return found.principal;
}

async function fromCookie(c: Context<ServerEnv>, store: Store, cookie: string): Promise<Principal> {
  const found = await principalForSession(store, cookie);
  if (!found) throw unauthorized("the session has ended or is unknown; sign in again");
  // The cookie rides along on cross-site requests too: a write must also prove it came from our page.
  if (!isSafeMethod(c.req.method) && !csrfMatches(found.session, c.req.header(CSRF_HEADER))) {
    throw new AppError("forbidden", `missing or wrong ${CSRF_HEADER} header (GET /api/auth/me gives it)`);
  }
  return found.principal;
}

/** Token scopes limit what a token may do on top of its user's role. */
function checkScopes(c: Context<ServerEnv>, principal: Principal): void {
  const scopes = principal.scopes;
  if (principal.via !== "token" || scopes === undefined) return;
  const needed = isSafeMethod(c.req.method) ? "read" : "write";
  if (!scopes.includes(needed)) throw new AppError("forbidden", `this API token lacks the ${needed} scope`);
}

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the `tp_session` cookie and sets
 * `c.var.principal`; 401 otherwise, except on public paths. A bearer header that fails is a 401
 * even when a cookie is present: a client that sent a token meant that token.
 */
export function authMiddleware(options: { readonly isPublic?: (path: string) => boolean } = {}) {
  const isPublic = options.isPublic ?? isPublicPath;
  const handler: MiddlewareHandler<ServerEnv> = async (c, next) => {
    if (isPublic(c.req.path)) return next();
    const store = c.var.store;
    const authorization = c.req.header("Authorization");
    const cookie = readSessionCookie(c);
    let principal: Principal;
    if (authorization !== undefined) principal = await fromBearer(store, authorization);
    else if (cookie !== undefined) principal = await fromCookie(c, store, cookie);
    else throw unauthorized();
    checkScopes(c, principal);
    c.set("principal", principal);
    return next();
  };
  return handler;
}
