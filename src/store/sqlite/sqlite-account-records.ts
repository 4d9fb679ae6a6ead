import type { Database } from "better-sqlite3";
import {
  type AccountRecords,
  AppError,
  type AuditEntry,
  type AuditRecord,
  type AuditTrail,
  sealAuditRecord,
} from "../../app/index.ts";
import {
  API_TOKENS,
  type ApiTokenRow,
  AUDIT_LOG,
  type AuditRow,
  placeholders,
  SESSIONS,
  type SessionRow,
  USERS,
  type UserRow,
} from "../shared/account-rows.ts";
import { guarded } from "../shared/store-error.ts";
import { statementCache } from "./statement-cache.ts";

/** Seals and inserts one record after the chain's head; call inside a write transaction. */
export function appendSqliteAudit(writer: Database, entry: AuditEntry): AuditRecord {
  const head = writer.prepare("select seq, hash from audit_log order by seq desc limit 1").get() as
    | { seq: number; hash: string }
    | undefined;
  const record = sealAuditRecord(head, entry);
  writer
    .prepare(`insert into audit_log (${AUDIT_LOG.columns}) values (${placeholders(10, "sqlite")})`)
    .run(...AUDIT_LOG.values(record));
  return record;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Accounts and the audit chain on the embedded store. Every account change and its audit record
 * commit together; appends run as IMMEDIATE transactions, so two processes never seal the same
 * head. Reads of accounts go through the writer too: a login right after `users add` sees it.
 */
export function sqliteAccountRecords(writer: Database, reader: Database): AccountRecords & AuditTrail {
  // Every authenticated request looks up its token (or session) and its user: prepared once per
  // store, since preparing them per request cost the server's event loop more than running them
  // (3 of 60 busy seconds under bench:server).
  const prepared = statementCache(writer);
  const append = (entry: AuditEntry): AuditRecord => appendSqliteAudit(writer, entry);
  const audited = <A extends unknown[], T>(work: (...args: A) => T) =>
    writer.transaction((entry: AuditEntry, ...args: A): T => {
      const result = work(...args);
      append(entry);
      return result;
    });
  const insertUser = audited((values: unknown[]) =>
    writer
      .prepare(`insert into users (${USERS.columns}) values (${placeholders(7, "sqlite")})`)
      .run(...values),
  );
  const disableUser = audited((userId: string, at: string) => {
    const changed = writer
      .prepare("update users set disabled_at = ? where id = ? and disabled_at is null")
      .run(at, userId).changes;
    writer.prepare("delete from sessions where user_id = ?").run(userId);
    if (changed === 0) throw new AppError("not-found", `no active user ${userId}`);
    return true;
  });
  const insertToken = audited((values: unknown[]) =>
    writer
      .prepare(
        `insert into api_tokens (id, token_hash, user_id, name, scopes, created_at) values (${placeholders(6, "sqlite")})`,
      )
      .run(...values),
  );
  const revokeToken = audited((tokenId: string, at: string) => {
    const changed = writer
      .prepare("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
      .run(at, tokenId).changes;
    if (changed === 0) throw new AppError("not-found", `no active API token ${tokenId}`);
    return true;
  });
  const appendTx = writer.transaction(append);
  const falseIfMissing = (run: () => boolean): boolean => {
    try {
      return run();
    } catch (e) {
      if (e instanceof AppError && e.code === "not-found") return false;
      throw e;
    }
  };
  return {
    insertUser: (user, entry) =>
      guarded("storing a user", () => {
        try {
          insertUser.immediate(entry, USERS.values(user));
        } catch (e) {
          if (isUniqueViolation(e)) throw new AppError("conflict", `user ${user.username} already exists`);
          throw e;
        }
      }),
    disableUserRecord: (userId, at, entry) =>
      guarded("disabling a user", () => falseIfMissing(() => disableUser.immediate(entry, userId, at))),
    findUser: (username) =>
      guarded("reading a user", () => {
        const row = prepared(`select ${USERS.columns} from users where username = ?`).get(username);
        return row === undefined ? undefined : USERS.of(row as UserRow);
      }),
    getUser: (userId) =>
      guarded("reading a user", () => {
        const row = prepared(`select ${USERS.columns} from users where id = ?`).get(userId);
        return row === undefined ? undefined : USERS.of(row as UserRow);
      }),
    userRecords: () =>
      guarded("reading users", () =>
        (writer.prepare(`select ${USERS.columns} from users order by username`).all() as UserRow[]).map(
          USERS.of,
        ),
      ),
    insertSession: (session) =>
      guarded("storing a session", () => {
        writer.prepare("delete from sessions where expires_at <= ?").run(session.createdAt);
        writer
          .prepare(`insert into sessions (${SESSIONS.columns}) values (${placeholders(5, "sqlite")})`)
          .run(...SESSIONS.values(session));
      }),
    findSession: (idHash) =>
      guarded("reading a session", () => {
        const row = prepared(`select ${SESSIONS.columns} from sessions where id_hash = ?`).get(idHash);
        return row === undefined ? undefined : SESSIONS.of(row as SessionRow);
      }),
    deleteSession: (idHash) =>
      guarded("ending a session", () => {
        writer.prepare("delete from sessions where id_hash = ?").run(idHash);
      }),
    insertApiToken: (token, entry) =>
      guarded("storing an API token", () => {
        insertToken.immediate(entry, API_TOKENS.values(token));
      }),
    findApiToken: (tokenHash) =>
      guarded("reading an API token", () => {
        const row = prepared(`select ${API_TOKENS.columns} from api_tokens where token_hash = ?`).get(
          tokenHash,
        );
        return row === undefined ? undefined : API_TOKENS.of(row as ApiTokenRow);
      }),
    apiTokenRecords: () =>
      guarded("reading API tokens", () =>
        (
          writer
            .prepare(`select ${API_TOKENS.columns} from api_tokens order by created_at, id`)
            .all() as ApiTokenRow[]
        ).map(API_TOKENS.of),
      ),
    revokeApiTokenRecord: (tokenId, at, entry) =>
      guarded("revoking an API token", () => falseIfMissing(() => revokeToken.immediate(entry, tokenId, at))),
    touchApiToken: (tokenId, at) =>
      guarded("recording an API token's use", () => {
        prepared("update api_tokens set last_used_at = ? where id = ?").run(at, tokenId);
      }),
    appendAuditEntry: (entry) => guarded("appending to the audit log", () => appendTx.immediate(entry)),
    auditRecords: (query = {}) =>
      guarded("reading the audit log", () => {
        const order = query.newestFirst ? "desc" : "asc";
        const rows = reader
          .prepare(`select ${AUDIT_LOG.columns} from audit_log where seq > ? order by seq ${order} limit ?`)
          .all(query.afterSeq ?? -1, query.limit ?? -1) as AuditRow[];
        return rows.map(AUDIT_LOG.of);
      }),
  };
}
