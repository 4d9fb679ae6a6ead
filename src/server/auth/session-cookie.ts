import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "tp_session";
export const CSRF_HEADER = "X-CSRF-Token";

/** `auto`: Secure when the request came over https (directly, or as a proxy in front says). */
export type SecureCookies = "auto" | "always" | "never";

function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

function secure(c: Context, mode: SecureCookies): boolean {
  return mode === "always" || (mode === "auto" && isHttps(c));
}

export function readSessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value ? value : undefined;
}

/** HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site POSTs), whole site. */
export function writeSessionCookie(c: Context, token: string, expiresAt: string, mode: SecureCookies): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c, mode),
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, mode: SecureCookies): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: secure(c, mode) });
}
