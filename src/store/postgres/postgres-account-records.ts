import type { Pool, PoolClient } from "pg";
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
  USERS,
  type UserRow,
} from "../shared/account-rows.ts";
import { guarded } from "../shared/store-error.ts";

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Seals the entry after the chain's head; the table lock makes concurrent appends take turns. */
export async function appendPostgresAudit(client: PoolClient, entry: AuditEntry): Promise<AuditRecord> {
  await client.query("lock table audit_log in exclusive mode");
  const { rows } = await client.query<{ seq: string; hash: string }>(
    "select seq, hash from audit_log order by seq desc limit 1",
  );
  const head = rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : undefined;
  const record = sealAuditRecord(head, entry);
  await client.query(
    `insert into audit_log (${AUDIT_LOG.columns}) values (${placeholders(10, "postgres")})`,
    AUDIT_LOG.values(record),
  );
  return record;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown }).code === "23505";
}

/** Thrown inside the transaction so it rolls back; never leaves this file. */
const NOTHING_CHANGED = Symbol("nothing changed");

/** Runs one account change and its audit record in one transaction; false when nothing changed. */
async function audited(
  pool: Pool,
  entry: AuditEntry,
  change: (c: PoolClient) => Promise<number>,
): Promise<boolean> {
  try {
    return await inTransaction(pool, async (client) => {
      if ((await change(client)) === 0) throw NOTHING_CHANGED;
      await appendPostgresAudit(client, entry);
      return true;
    });
  } catch (e) {
    if (e === NOTHING_CHANGED) return false;
    throw e;
  }
}

async function one<R, T>(
  pool: Pool,
  text: string,
  value: unknown,
  map: (row: R) => T,
): Promise<T | undefined> {
  const { rows } = await pool.query(text, [value]);
  return rows[0] === undefined ? undefined : map(rows[0] as R);
}

/** Accounts and the audit chain on the server store. */
export function postgresAccountRecords(pool: Pool): AccountRecords & AuditTrail {
  return {
    insertUser: (user, entry) =>
      guarded("storing a user", async () => {
        try {
          await audited(pool, entry, async (c) => {
            const sql = `insert into users (${USERS.columns}) values (${placeholders(7, "postgres")})`;
            return (await c.query(sql, USERS.values(user))).rowCount ?? 0;
          });
        } catch (e) {
          if (isUniqueViolation(e)) throw new AppError("conflict", `user ${user.username} already exists`);
          throw e;
        }
      }),
    disableUserRecord: (userId, at, entry) =>
      guarded("disabling a user", () =>
        audited(pool, entry, async (c) => {
          const { rowCount } = await c.query(
            "update users set disabled_at = $1 where id = $2 and disabled_at is null",
            [at, userId],
          );
          await c.query("delete from sessions where user_id = $1", [userId]);
          return rowCount ?? 0;
        }),
      ),
    findUser: (username) =>
      guarded("reading a user", () =>
        one(pool, `select ${USERS.columns} from users where username = $1`, username, USERS.of),
      ),
    getUser: (userId) =>
      guarded("reading a user", () =>
        one(pool, `select ${USERS.columns} from users where id = $1`, userId, USERS.of),
      ),
    userRecords: () =>
      guarded("reading users", async () =>
        (await pool.query<UserRow>(`select ${USERS.columns} from users order by username`)).rows.map(
          USERS.of,
        ),
      ),
    insertSession: (session) =>
      guarded("storing a session", async () => {
        await pool.query("delete from sessions where expires_at <= $1", [session.createdAt]);
        await pool.query(
          `insert into sessions (${SESSIONS.columns}) values (${placeholders(5, "postgres")})`,
          SESSIONS.values(session),
        );
      }),
    findSession: (idHash) =>
      guarded("reading a session", () =>
        one(pool, `select ${SESSIONS.columns} from sessions where id_hash = $1`, idHash, SESSIONS.of),
      ),
    deleteSession: (idHash) =>
      guarded("ending a session", async () => {
        await pool.query("delete from sessions where id_hash = $1", [idHash]);
      }),
    insertApiToken: (token, entry) =>
      guarded("storing an API token", async () => {
        await audited(pool, entry, async (c) => {
          const sql = `insert into api_tokens (id, token_hash, user_id, name, scopes, created_at)
                       values (${placeholders(6, "postgres")})`;
          return (await c.query(sql, API_TOKENS.values(token))).rowCount ?? 0;
        });
      }),
    findApiToken: (tokenHash) =>
      guarded("reading an API token", () =>
        one(
          pool,
          `select ${API_TOKENS.columns} from api_tokens where token_hash = $1`,
          tokenHash,
          API_TOKENS.of,
        ),
      ),
    apiTokenRecords: () =>
      guarded("reading API tokens", async () =>
        (
          await pool.query<ApiTokenRow>(
            `select ${API_TOKENS.columns} from api_tokens order by created_at, id`,
          )
        ).rows.map(API_TOKENS.of),
      ),
    revokeApiTokenRecord: (tokenId, at, entry) =>
      guarded("revoking an API token", () =>
        audited(pool, entry, async (c) => {
          const { rowCount } = await c.query(
            "update api_tokens set revoked_at = $1 where id = $2 and revoked_at is null",
            [at, tokenId],
          );
          return rowCount ?? 0;
        }),
      ),
    touchApiToken: (tokenId, at) =>
      guarded("recording an API token's use", async () => {
        await pool.query("update api_tokens set last_used_at = $1 where id = $2", [at, tokenId]);
      }),
    appendAuditEntry: (entry) =>
      guarded("appending to the audit log", () => inTransaction(pool, (c) => appendPostgresAudit(c, entry))),
    auditRecords: (query = {}) =>
      guarded("reading the audit log", async () => {
        const order = query.newestFirst ? "desc" : "asc";
        const { rows } = await pool.query<AuditRow>(
          `select ${AUDIT_LOG.columns} from audit_log where seq > $1 order by seq ${order} limit $2`,
          [query.afterSeq ?? -1, query.limit ?? null],
        );
        return rows.map(AUDIT_LOG.of);
      }),
  };
}
