import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { LoginRequestSchema, SessionInfoSchema } from "../../api/index.ts";
import { AppError, accountView, csrfTokenFor, isAppError, login, logout } from "../../app/index.ts";
import type { RouteModule } from "../server-app.ts";
import type { ServerEnv } from "../server-env.ts";
import { createLoginRateLimiter, type LoginRateLimiter } from "./login-rate-limit.ts";
import {
  clearSessionCookie,
  readSessionCookie,
  type SecureCookies,
  writeSessionCookie,
} from "./session-cookie.ts";

export interface AuthRouteOptions {
  readonly rateLimiter?: LoginRateLimiter;
  readonly secureCookies?: SecureCookies;
  /**
   * Proxies in front of the server that append the address they see to X-Forwarded-For (`true`
   * is one). The client is then the address the outermost trusted proxy appended: entries further
   * left were sent by the client and could be anything. Absent, 0 or false: the socket address.
   */
  readonly trustProxy?: boolean | number;
}

const session = { "application/json": { schema: SessionInfoSchema } };

const loginRoute = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "Sign in: sets the HttpOnly session cookie tp_session and returns the CSRF token",
  description:
    "After 5 failed attempts for one username from one address within a minute, further attempts get 429 with Retry-After.",
  request: { body: { content: { "application/json": { schema: LoginRequestSchema } }, required: true } },
  responses: { 200: { description: "signed in", content: session } },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "Sign out: ends the session and clears the cookie (needs X-CSRF-Token)",
  responses: { 204: { description: "signed out" } },
});

const meRoute = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["auth"],
  summary: "The caller: account, role, party, and (for a session) the CSRF token",
  responses: { 200: { description: "the caller", content: session } },
});

function clientAddress(c: Context<ServerEnv>, proxies: number): string {
  if (proxies > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    // With fewer entries than proxies the header did not pass through all of them: the leftmost.
    const forwarded = hops[Math.max(0, hops.length - proxies)];
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
export function authRoutes(options: AuthRouteOptions = {}): RouteModule {
  const limiter = options.rateLimiter ?? createLoginRateLimiter();
  const secureCookies = options.secureCookies ?? "auto";
  const proxies = options.trustProxy === true ? 1 : options.trustProxy || 0;
  return (app) => {
    app.openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid("json");
      const key = `${username.trim().toLowerCase()}\n${clientAddress(c, proxies)}`;
      const wait = limiter.retryAfter(key);
      if (wait > 0) {
        c.header("Retry-After", String(wait));
        throw new AppError("rate-limited", `too many failed sign-ins; try again in ${wait} s`);
      }
      try {
        const result = await login(c.var.store, username, password);
        limiter.recordSuccess(key);
        writeSessionCookie(c, result.sessionToken, result.expiresAt, secureCookies);
        return c.json(
          {
            user: result.user,
            via: "session" as const,
            csrfToken: result.csrfToken,
            expiresAt: result.expiresAt,
          },
          200,
        );
      } catch (e) {
        if (isAppError(e) && e.code === "unauthorized") limiter.recordFailure(key);
        throw e;
      }
    });
    app.openapi(logoutRoute, async (c) => {
      const cookie = readSessionCookie(c);
      if (cookie !== undefined) await logout(c.var.store, cookie);
      clearSessionCookie(c, secureCookies);
      return c.body(null, 204);
    });
    app.openapi(meRoute, async (c) => {
      const principal = c.var.principal;
      const user = await c.var.store.getUser(principal.userId);
      if (!user) throw new AppError("unauthorized", "the account no longer exists");
      const cookie = readSessionCookie(c);
      if (principal.via === "session" && cookie !== undefined)
        return c.json(
          { user: accountView(user), via: "session" as const, csrfToken: csrfTokenFor(cookie) },
          200,
        );
      return c.json(
        { user: accountView(user), via: "token" as const, scopes: [...(principal.scopes ?? [])] },
        200,
      );
    });
  };
}
