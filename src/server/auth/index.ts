export { accountRoutes } from "./account-routes.ts";
export { authMiddleware, isPublicPath, isSafeMethod } from "./auth-middleware.ts";
export type { AuthRouteOptions } from "./auth-routes.ts";
export { authRoutes } from "./auth-routes.ts";
export type { LoginRateLimiter, RateLimitOptions } from "./login-rate-limit.ts";
export { createLoginRateLimiter } from "./login-rate-limit.ts";
export { requireRole } from "./require-role.ts";
export type { SecureCookies } from "./session-cookie.ts";
export { CSRF_HEADER, SESSION_COOKIE } from "./session-cookie.ts";
