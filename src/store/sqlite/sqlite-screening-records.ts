import type { Database } from "better-sqlite3";
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
import { appendSqliteAudit } from "./sqlite-account-records.ts";

/** The bundled snapshot is version 1, never stored: the first load is version 2. */
const FIRST_STORED_VERSION = 2;

/**
 * List versions and review decisions on the embedded store. Writes go through the writer
 * connection (each in its own transaction), reads through the read-only one, like records.
 */
export function sqliteScreeningRecords(writer: Database, reader: Database): ScreeningRecords {
  const insertVersion = (version: Omit<ListVersion, "version">, entries: readonly ListEntry[]) => {
    const latest = writer.prepare("select max(version) from list_versions").pluck().get() as number | null;
    const stored: ListVersion = { version: Math.max((latest ?? 0) + 1, FIRST_STORED_VERSION), ...version };
    writer
      .prepare("insert into list_versions (version, loaded_at, sha256, record) values (?, ?, ?, ?)")
      .run(stored.version, stored.loadedAt, stored.sha256, JSON.stringify(stored));
    const entry = writer.prepare("insert into list_entries (version, id, record) values (?, ?, ?)");
    for (const e of entries) entry.run(stored.version, e.id, JSON.stringify(e));
    return stored;
  };
  const addVersion = writer.transaction(insertVersion);
  // The decision and its audit record commit together; the superseded decision is read in the
  // same (immediate, so writer-exclusive) transaction, so the audit's before-hash is the real one.
  const saveDecision = writer.transaction((d: ReviewDecision, audit: AuditEntry | undefined) => {
    const before = writer
      .prepare("select record from review_decisions where hit_key = ?")
      .pluck()
      .get(d.hitKey) as string | undefined;
    writer
      .prepare(
        `insert into review_decisions (hit_key, hit_id, status, decided_at, record) values (?, ?, ?, ?, ?)
         on conflict (hit_key) do update set hit_id = excluded.hit_id, status = excluded.status,
           decided_at = excluded.decided_at, record = excluded.record`,
      )
      .run(d.hitKey, hitIdOf(d.hitKey), d.status, d.decidedAt, JSON.stringify(d));
    writer
      .prepare(
        `insert into review_decision_history
           (hit_key, subject_kind, subject_id, entry_id, decided_at, record) values (?, ?, ?, ?, ?, ?)`,
      )
      .run(d.hitKey, d.subject.kind, d.subject.id, d.entryId, d.decidedAt, JSON.stringify(d));
    if (audit)
      appendSqliteAudit(writer, withBefore(audit, before === undefined ? undefined : JSON.parse(before)));
  });
  return {
    addListVersion: (version, entries) =>
      guarded("storing a list version", () => addVersion.immediate(version, entries)),
    listVersions: () =>
      guarded("reading list versions", () =>
        (reader.prepare("select record from list_versions order by version").pluck().all() as string[]).map(
          (r) => JSON.parse(r) as ListVersion,
        ),
      ),
    listEntries: (version) =>
      guarded("reading list entries", () =>
        (
          reader
            .prepare("select record from list_entries where version = ? order by id")
            .pluck()
            .all(version) as string[]
        ).map((r) => JSON.parse(r) as ListEntry),
      ),
    saveDecision: (d: ReviewDecision, audit?: AuditEntry) =>
      guarded("storing a review decision", () => {
        saveDecision.immediate(d, audit);
      }),
    reviewDecisions: () =>
      guarded("reading review decisions", () =>
        (
          reader.prepare("select record from review_decisions order by hit_key").pluck().all() as string[]
        ).map((r) => JSON.parse(r) as ReviewDecision),
      ),
    decisionHistory: (filter: DecisionFilter = {}) =>
      guarded("reading the review decision history", () => {
        const where: string[] = [];
        const params: string[] = [];
        if (filter.hitKey !== undefined) {
          where.push("hit_key = ?");
          params.push(filter.hitKey);
        }
        if (filter.hit !== undefined) {
          where.push("hit_key in (select hit_key from review_decisions where hit_id = ?)");
          params.push(filter.hit);
        }
        if (filter.subject !== undefined) {
          where.push("subject_id = ? and subject_kind = ?");
          params.push(filter.subject.id, filter.subject.kind);
        }
        if (filter.entryId !== undefined) {
          where.push("entry_id = ?");
          params.push(filter.entryId);
        }
        const sql = `select record from review_decision_history
          ${where.length ? `where ${where.join(" and ")}` : ""} order by seq`;
        return (
          reader
            .prepare(sql)
            .pluck()
            .all(...params) as string[]
        ).map((r) => JSON.parse(r) as ReviewDecision);
      }),
  };
}
