import type { Database } from "better-sqlite3";
import type {
  AuditEntry,
  ListEntry,
  ListVersion,
  ReviewDecision,
  ScreeningRecords,
} from "../../app/index.ts";
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
  // The decision and its audit record commit together.
  const saveDecision = writer.transaction((d: ReviewDecision, audit: AuditEntry | undefined) => {
    writer
      .prepare(
        `insert into review_decisions (hit_key, status, decided_at, record) values (?, ?, ?, ?)
         on conflict (hit_key) do update set status = excluded.status,
           decided_at = excluded.decided_at, record = excluded.record`,
      )
      .run(d.hitKey, d.status, d.decidedAt, JSON.stringify(d));
    if (audit) appendSqliteAudit(writer, audit);
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
  };
}
