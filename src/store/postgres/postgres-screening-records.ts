import type { Pool, PoolClient } from "pg";
import {
  type AuditEntry,
  type DecisionFilter,
  hitIdOf,
  type ListEntry,
  type ListVersion,
  type ReviewDecision,
  type ScreeningRecords,
} from "../../app/index.ts";
import { withBefore } from "../shared/review-audit.ts";
import { guarded } from "../shared/store-error.ts";
import { appendPostgresAudit } from "./postgres-account-records.ts";

/** The bundled snapshot is version 1, never stored: the first load is version 2. */
const FIRST_STORED_VERSION = 2;

/** The first key of the per-hit advisory locks (the second is the hit key's hash); arbitrary but fixed. */
const REVIEW_LOCK_CLASS = 752691341;

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

async function insertVersion(
  client: PoolClient,
  version: Omit<ListVersion, "version">,
  entries: readonly ListEntry[],
): Promise<ListVersion> {
  // Two loads at once would pick the same number: the lock makes the second wait for the first.
  await client.query("lock table list_versions in exclusive mode");
  const { rows } = await client.query<{ latest: number | null }>(
    "select max(version) as latest from list_versions",
  );
  const stored: ListVersion = {
    version: Math.max((rows[0]?.latest ?? 0) + 1, FIRST_STORED_VERSION),
    ...version,
  };
  await client.query(
    "insert into list_versions (version, loaded_at, sha256, record) values ($1, $2, $3, $4)",
    [stored.version, stored.loadedAt, stored.sha256, JSON.stringify(stored)],
  );
  // One statement for all entries: each column travels as one array parameter.
  await client.query(
    `insert into list_entries (version, id, record)
     select $1, id, record from unnest($2::text[], $3::json[]) as e(id, record)`,
    [stored.version, entries.map((e) => e.id), entries.map((e) => JSON.stringify(e))],
  );
  return stored;
}

/** List versions and review decisions on the server store. */
export function postgresScreeningRecords(pool: Pool): ScreeningRecords {
  return {
    addListVersion: (version, entries) =>
      guarded("storing a list version", () => inTransaction(pool, (c) => insertVersion(c, version, entries))),
    listVersions: () =>
      guarded("reading list versions", async () =>
        (
          await pool.query<{ record: ListVersion }>("select record from list_versions order by version")
        ).rows.map((r) => r.record),
      ),
    listEntries: (version) =>
      guarded("reading list entries", async () =>
        (
          await pool.query<{ record: ListEntry }>(
            "select record from list_entries where version = $1 order by id",
            [version],
          )
        ).rows.map((r) => r.record),
      ),
    saveDecision: (d: ReviewDecision, audit?: AuditEntry) =>
      guarded("storing a review decision", () =>
        // The decision and its audit record commit together.
        inTransaction(pool, async (client) => {
          // Decisions on one hit take turns, so each reads the decision it really supersedes
          // (a row lock would not cover a hit's first decision: there is no row yet).
          await client.query("select pg_advisory_xact_lock($1::int, hashtext($2))", [
            REVIEW_LOCK_CLASS,
            d.hitKey,
          ]);
          const { rows } = await client.query<{ record: ReviewDecision }>(
            "select record from review_decisions where hit_key = $1",
            [d.hitKey],
          );
          await client.query(
            `insert into review_decisions (hit_key, hit_id, status, decided_at, record) values ($1, $2, $3, $4, $5)
             on conflict (hit_key) do update set hit_id = excluded.hit_id, status = excluded.status,
               decided_at = excluded.decided_at, record = excluded.record`,
            [d.hitKey, hitIdOf(d.hitKey), d.status, d.decidedAt, JSON.stringify(d)],
          );
          await client.query(
            `insert into review_decision_history
               (hit_key, subject_kind, subject_id, entry_id, decided_at, record)
             values ($1, $2, $3, $4, $5, $6)`,
            [d.hitKey, d.subject.kind, d.subject.id, d.entryId, d.decidedAt, JSON.stringify(d)],
          );
          if (audit) await appendPostgresAudit(client, withBefore(audit, rows[0]?.record));
        }),
      ),
    reviewDecisions: () =>
      guarded("reading review decisions", async () =>
        (
          await pool.query<{ record: ReviewDecision }>("select record from review_decisions order by hit_key")
        ).rows.map((r) => r.record),
      ),
    decisionHistory: (filter: DecisionFilter = {}) =>
      guarded("reading the review decision history", async () => {
        const where: string[] = [];
        const params: string[] = [];
        const param = (value: string) => {
          params.push(value);
          return `$${params.length}`;
        };
        if (filter.hitKey !== undefined) where.push(`hit_key = ${param(filter.hitKey)}`);
        if (filter.hit !== undefined)
          where.push(`hit_key in (select hit_key from review_decisions where hit_id = ${param(filter.hit)})`);
        if (filter.subject !== undefined)
          where.push(
            `subject_id = ${param(filter.subject.id)} and subject_kind = ${param(filter.subject.kind)}`,
          );
        if (filter.entryId !== undefined) where.push(`entry_id = ${param(filter.entryId)}`);
        const text = `select record from review_decision_history
          ${where.length ? `where ${where.join(" and ")}` : ""} order by seq`;
        return (await pool.query<{ record: ReviewDecision }>(text, params)).rows.map((r) => r.record);
      }),
  };
}
