import { createHash, randomBytes } from "node:crypto";
import type { SessionRecord, UserRecord } from "./account-records.ts";
import { type AccountView, accountView } from "./accounts.ts";
import { appendAudit } from "./audit-trail-append.ts";
import { AppError } from "./errors.ts";
import { decoyPasswordHash, verifyPassword } from "./passwords.ts";
import type { Principal } from "./principal.ts";
import type { Store } from "./store.ts";

/** Twelve hours: a working day; then the user signs in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function sha256Base64Url(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

/**
 * The CSRF token is derived from the session secret, so `/api/auth/me` can hand it out again
 * while the store keeps only hashes of both; it cannot be computed without the HttpOnly cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256Base64Url(`csrf\n${sessionToken}`);
}

export interface LoginResult {
  /** The cookie's value: shown here once, stored only as SHA-256. */
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: AccountView;
}

export function principalOf(user: UserRecord, via: Principal["via"]): Principal {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    ...(user.partyId === undefined ? {} : { partyId: user.partyId }),
    via,
  };
}

/**
 * Who a failed sign-in is recorded as: nobody has proved who they are. The name they tried is
 * the record's subject (cut to 200 characters); the password never appears anywhere.
 */
const ANONYMOUS: Principal = { userId: "anonymous", username: "anonymous", role: "viewer", via: "session" };

function loginFailure(user: UserRecord | undefined): string {
  if (user === undefined) return "no such user";
  return user.disabledAt === undefined ? "wrong password" : "account disabled";
}

/** The one answer to every failed login: it never says whether the user exists. */
function badLogin(): AppError {
  return new AppError("unauthorized", "wrong username or password");
}

export async function login(
  store: Store,
  username: string,
  password: string,
  options: { readonly now?: Date; readonly ttlMs?: number } = {},
): Promise<LoginResult> {
  const user = await store.findUser(username.trim());
  // An unknown user costs a hash check too: the answer's timing does not say who exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.disabledAt !== undefined) {
    // The caller learns nothing; the audit trail (admins only) says why, for spotting attacks.
    await appendAudit(store, ANONYMOUS, "session.login-failed", username.trim().slice(0, 200), {
      detail: { reason: loginFailure(user) },
    });
    throw badLogin();
  }
  const now = options.now ?? new Date();
  const sessionToken = randomBytes(32).toString("base64url");
  const csrfToken = csrfTokenFor(sessionToken);
  const session: SessionRecord = {
    idHash: sha256Base64Url(sessionToken),
    userId: user.id,
    csrfHash: sha256Base64Url(csrfToken),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS)).toISOString(),
  };
  await store.insertSession(session);
  await appendAudit(store, principalOf(user, "session"), "session.login", user.username, {
    detail: { expiresAt: session.expiresAt },
  });
  return { sessionToken, csrfToken, expiresAt: session.expiresAt, user: accountView(user) };
}

export interface SessionPrincipal {
  readonly principal: Principal;
  readonly session: SessionRecord;
  readonly user: AccountView;
}

/** The caller behind a session cookie; undefined when unknown, expired, or its user is disabled. */
export async function principalForSession(
  store: Store,
  sessionToken: string,
  now: Date = new Date(),
): Promise<SessionPrincipal | undefined> {
  const session = await store.findSession(sha256Base64Url(sessionToken));
  if (!session) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await store.deleteSession(session.idHash);
    return undefined;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabledAt !== undefined) return undefined;
  return { principal: principalOf(user, "session"), session, user: accountView(user) };
}

/** Whether a CSRF header value belongs to this session (compared as hashes). */
export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  return header !== undefined && header.length > 0 && sha256Base64Url(header) === session.csrfHash;
}

export async function logout(store: Store, sessionToken: string): Promise<void> {
  const idHash = sha256Base64Url(sessionToken);
  const session = await store.findSession(idHash);
  await store.deleteSession(idHash);
  const user = session === undefined ? undefined : await store.getUser(session.userId);
  if (user !== undefined)
    await appendAudit(store, principalOf(user, "session"), "session.logout", user.username);
}
