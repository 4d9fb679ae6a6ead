import type { ApiTokenRecord, AuditEntry, AuditRecord, SessionRecord, UserRecord } from "../../app/index.ts";
import type { PartyId } from "../../model/index.ts";

/** Columns as both dialects return them (`json` columns come back parsed on PostgreSQL, as text on SQLite). */
export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRecord["role"];
  party_id: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  scopes: string | ApiTokenRecord["scopes"];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditRow {
  seq: number | string;
  at: string;
  actor: string | AuditEntry["actor"];
  action: string;
  subject: string;
  before_hash: string | null;
  after_hash: string | null;
  detail: string | AuditEntry["detail"];
  prev_hash: string;
  hash: string;
}

function parsed<T>(value: string | T): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

function userOf(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    passwordHash: r.password_hash,
    role: r.role,
    ...(r.party_id === null ? {} : { partyId: r.party_id as PartyId }),
    createdAt: r.created_at,
    ...(r.disabled_at === null ? {} : { disabledAt: r.disabled_at }),
  };
}

function userValues(u: UserRecord): unknown[] {
  return [u.id, u.username, u.passwordHash, u.role, u.partyId ?? null, u.createdAt, u.disabledAt ?? null];
}

function sessionOf(r: SessionRow): SessionRecord {
  return {
    idHash: r.id_hash,
    userId: r.user_id,
    csrfHash: r.csrf_hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

function sessionValues(s: SessionRecord): unknown[] {
  return [s.idHash, s.userId, s.csrfHash, s.createdAt, s.expiresAt];
}

function apiTokenOf(r: ApiTokenRow): ApiTokenRecord {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    userId: r.user_id,
    name: r.name,
    scopes: parsed(r.scopes),
    createdAt: r.created_at,
    ...(r.last_used_at === null ? {} : { lastUsedAt: r.last_used_at }),
    ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
  };
}

function apiTokenValues(t: ApiTokenRecord): unknown[] {
  return [t.id, t.tokenHash, t.userId, t.name, JSON.stringify(t.scopes), t.createdAt];
}

function auditOf(r: AuditRow): AuditRecord {
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: parsed(r.actor),
    action: r.action,
    subject: r.subject,
    ...(r.before_hash === null ? {} : { beforeHash: r.before_hash }),
    ...(r.after_hash === null ? {} : { afterHash: r.after_hash }),
    detail: parsed(r.detail),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function auditValues(a: AuditRecord): unknown[] {
  return [
    a.seq,
    a.at,
    JSON.stringify(a.actor),
    a.action,
    a.subject,
    a.beforeHash ?? null,
    a.afterHash ?? null,
    JSON.stringify(a.detail),
    a.prevHash,
    a.hash,
  ];
}

/** One table's mapping: its columns in select order, a row's record, and a record's insert values. */
export interface TableRows<Row, Rec> {
  readonly columns: string;
  readonly of: (row: Row) => Rec;
  readonly values: (record: Rec) => unknown[];
}

export const USERS: TableRows<UserRow, UserRecord> = {
  columns: "id, username, password_hash, role, party_id, created_at, disabled_at",
  of: userOf,
  values: userValues,
};

export const SESSIONS: TableRows<SessionRow, SessionRecord> = {
  columns: "id_hash, user_id, csrf_hash, created_at, expires_at",
  of: sessionOf,
  values: sessionValues,
};

/** `values` holds what an insert sets: the first six columns (a new token is unused and unrevoked). */
export const API_TOKENS: TableRows<ApiTokenRow, ApiTokenRecord> = {
  columns: "id, token_hash, user_id, name, scopes, created_at, last_used_at, revoked_at",
  of: apiTokenOf,
  values: apiTokenValues,
};

export const AUDIT_LOG: TableRows<AuditRow, AuditRecord> = {
  columns: "seq, at, actor, action, subject, before_hash, after_hash, detail, prev_hash, hash",
  of: auditOf,
  values: auditValues,
};

/** `?, ?, …` or `$1, $2, …` for n values. */
export function placeholders(n: number, dialect: "sqlite" | "postgres"): string {
  return Array.from({ length: n }, (_, i) => (dialect === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
}
