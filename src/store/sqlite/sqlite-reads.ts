import type { Database } from "better-sqlite3";
import type { EventQuery, ImportLogEntry, StoreStats } from "../../app/index.ts";
import { CHANGE_MARK_SQL, changeMarkOf } from "../shared/change-mark-sql.ts";
import { STATS_SQL, toImportLogEntry, toStats } from "../shared/read-rows.ts";
import { guarded, storeError } from "../shared/store-error.ts";
import { recordColumns, recordOf } from "../shared/stored-records.ts";
import { statementCache } from "./statement-cache.ts";

type Row = Record<string, unknown>;
export type RecordTable = "parties" | "locations" | "lots" | "events" | "links" | "document_refs";

/** Lots without master data are graph nodes only, not records. */
function listingSql(table: RecordTable, includeRetracted: boolean): string {
  const where =
    table === "lots"
      ? "where record is not null"
      : table === "events" && !includeRetracted
        ? "where not retracted"
        : "";
  return `select ${recordColumns(table)} from ${table} ${where} order by id`;
}

/**
 * Reads go through their own read-only connection: under WAL it sees only committed data (an
 * open import stays invisible until it commits) and may iterate while the writer writes.
 */
export function sqliteReads(db: Database) {
  // For `get` and `all` only: they finish before returning, so requests can share a statement.
  const prepared = statementCache(db);
  // Listings paused between yields: SQLite cannot close a connection with a statement mid-step.
  const open = new Set<IterableIterator<Row>>();
  return {
    async *list<T>(table: RecordTable, query: EventQuery = {}): AsyncGenerator<T> {
      // A fresh statement per listing: one statement cannot be iterated twice at once.
      let rows: IterableIterator<Row>;
      try {
        rows = db
          .prepare(listingSql(table, query.includeRetracted === true))
          .iterate() as IterableIterator<Row>;
      } catch (e) {
        throw storeError("store-failure", `listing ${table}`, e);
      }
      open.add(rows);
      try {
        for (;;) {
          const next = rows.next();
          // A listing the store's closing ended (no longer open) fails, rather than ending as if complete.
          if (!open.has(rows))
            throw storeError("store-unavailable", `listing ${table}`, "the store was closed");
          if (next.done) return;
          yield recordOf<T>(table, next.value);
        }
      } finally {
        open.delete(rows);
        rows.return?.();
      }
    },
    /** Ends the listings still open, so that the connection can close. */
    endListings(): void {
      for (const rows of open) rows.return?.();
      open.clear();
    },
    async get<T>(table: RecordTable, id: string): Promise<T | undefined> {
      return guarded(`reading ${table}`, () => {
        const extra = table === "lots" ? "and record is not null" : "";
        const sql = `select ${recordColumns(table)} from ${table} where id = ? ${extra}`;
        const row = prepared(sql).get(id) as Row | undefined;
        return row === undefined ? undefined : recordOf<T>(table, row);
      });
    },
    async stats(): Promise<StoreStats> {
      return guarded("reading store statistics", () => {
        const counts = prepared(STATS_SQL.counts).get() as Row;
        const byKind = prepared(STATS_SQL.byKind).all() as Row[];
        const byCountry = prepared(STATS_SQL.byCountry).all() as Row[];
        return toStats(counts, byKind, byCountry);
      });
    },
    async changeMark(): Promise<string> {
      return guarded("reading the store's change mark", () =>
        changeMarkOf(prepared(CHANGE_MARK_SQL).get() as Row | undefined),
      );
    },
    async importLog(): Promise<readonly ImportLogEntry[]> {
      return guarded("reading the import log", () =>
        (prepared(STATS_SQL.importLog).all() as Row[]).map(toImportLogEntry),
      );
    },
  };
}
