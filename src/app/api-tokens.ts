import { randomBytes } from "node:crypto";
import { type ApiTokenRecord, TOKEN_SCOPES, type TokenScope } from "./account-records.ts";
import { type AccountView, accountView } from "./accounts.ts";
import { auditEntry } from "./audit-trail-append.ts";
import { AppError } from "./errors.ts";
import type { Principal } from "./principal.ts";
import { principalOf, sha256Base64Url } from "./sessions.ts";
import type { Store } from "./store.ts";

/** A token as listed: never the token itself, which only its creator saw once. */
export interface ApiTokenView {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

export interface CreatedApiToken extends ApiTokenView {
  /** `tp_…`: shown once; the store keeps its SHA-256. */
  readonly token: string;
}

const TOKEN_PREFIX = "tp_";
/** `lastUsedAt` is written at most this often per token: a busy client must not turn reads into writes. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function parseScopes(raw: readonly string[]): TokenScope[] {
  const scopes = raw.length === 0 ? ["read", "write"] : raw.flatMap((s) => s.split(",")).map((s) => s.trim());
  return [...new Set(scopes)].map((s) => {
    const scope = TOKEN_SCOPES.find((t) => t === s);
    if (!scope) throw new AppError("usage", `unknown token scope "${s}"; use: ${TOKEN_SCOPES.join(", ")}`);
    return scope;
  });
}

function viewOf(token: ApiTokenRecord, username: string): ApiTokenView {
  const { id, name, scopes, createdAt, lastUsedAt, revokedAt } = token;
  return {
    id,
    username,
    name,
    scopes,
    createdAt,
    ...(lastUsedAt === undefined ? {} : { lastUsedAt }),
    ...(revokedAt === undefined ? {} : { revokedAt }),
  };
}

export async function createApiToken(
  store: Store,
  actor: Principal,
  input: {
    readonly username: string;
    readonly name: string;
    readonly scopes?: readonly string[] | undefined;
  },
): Promise<CreatedApiToken> {
  const user = await store.findUser(input.username);
  if (!user) throw new AppError("not-found", `no user ${input.username}`);
  if (user.disabledAt !== undefined) throw new AppError("conflict", `user ${input.username} is disabled`);
  const name = input.name.trim();
  if (!name || name.length > 100) throw new AppError("usage", "a token needs a name of 1–100 characters");
  const scopes = parseScopes(input.scopes ?? []);
  if (scopes.includes("admin") && user.role !== "admin")
    throw new AppError("usage", `the admin scope is for admin accounts; ${user.username} is ${user.role}`);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record: ApiTokenRecord = {
    id: `tok_${randomBytes(8).toString("hex")}`,
    tokenHash: sha256Base64Url(token),
    userId: user.id,
    name,
    scopes,
    createdAt: new Date().toISOString(),
  };
  const view = viewOf(record, user.username);
  await store.insertApiToken(
    record,
    auditEntry(actor, "token.create", record.id, { after: view, detail: { ...view } }),
  );
  return { ...view, token };
}

export async function listApiTokens(store: Store): Promise<readonly ApiTokenView[]> {
  const users = new Map((await store.userRecords()).map((u) => [u.id, u.username]));
  return (await store.apiTokenRecords()).map((t) => viewOf(t, users.get(t.userId) ?? t.userId));
}

export async function revokeApiToken(store: Store, actor: Principal, tokenId: string): Promise<ApiTokenView> {
  const tokens = await listApiTokens(store);
  const token = tokens.find((t) => t.id === tokenId);
  if (!token) throw new AppError("not-found", `no API token ${tokenId}`);
  if (token.revokedAt !== undefined) return token;
  const at = new Date().toISOString();
  const after = { ...token, revokedAt: at };
  const entry = auditEntry(actor, "token.revoke", tokenId, {
    before: token,
    after,
    detail: { ...after },
    at,
  });
  if (!(await store.revokeApiTokenRecord(tokenId, at, entry))) {
    throw new AppError("conflict", `API token ${tokenId} was revoked meanwhile`);
  }
  return after;
}

export interface TokenPrincipal {
  readonly principal: Principal;
  readonly token: ApiTokenView;
  readonly user: AccountView;
}

/** The caller behind a bearer token; undefined when unknown, revoked, or its user is disabled. */
export async function principalForToken(
  store: Store,
  bearer: string,
  now: Date = new Date(),
): Promise<TokenPrincipal | undefined> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return undefined;
  const token = await store.findApiToken(sha256Base64Url(bearer));
  if (!token || token.revokedAt !== undefined) return undefined;
  const user = await store.getUser(token.userId);
  if (!user || user.disabledAt !== undefined) return undefined;
  const last = token.lastUsedAt === undefined ? 0 : Date.parse(token.lastUsedAt);
  if (now.getTime() - last >= TOUCH_INTERVAL_MS) await store.touchApiToken(token.id, now.toISOString());
  return {
    principal: { ...principalOf(user, "token"), scopes: token.scopes },
    token: viewOf(token, user.username),
    user: accountView(user),
  };
}
