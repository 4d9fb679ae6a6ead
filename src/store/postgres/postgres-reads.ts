import type { Pool } from "pg";
import type { EventQuery, ImportLogEntry, StoreStats } from "../../app/index.ts";
import { CHANGE_MARK_SQL, changeMarkOf } from "../shared/change-mark-sql.ts";
import { STATS_SQL, toImportLogEntry, toStats } from "../shared/read-rows.ts";
import { guarded } from "../shared/store-error.ts";
import { recordColumns, recordOf } from "../shared/stored-records.ts";

export type RecordTable = "parties" | "locations" | "lots" | "events" | "links" | "document_refs";

/** Rows per page of a listing: memory stays at one page however large the table. */
const PAGE = 1000;

function filterSql(table: RecordTable, includeRetracted: boolean): string {
  if (table === "lots") return "and record is not null";
  return table === "events" && !includeRetracted ? "and not retracted" : "";
}

/**
 * Listings page by key (`id > last order by id limit n`) on the `collate "C"` primary key: each
 * page is one indexed range scan, no connection is held between pages, and order is bytewise
 * like SQLite's.
 */
export function postgresReads(pool: Pool) {
  return {
    async *list<T>(table: RecordTable, query: EventQuery = {}): AsyncGenerator<T> {
      const text = `select ${recordColumns(table)} from ${table} where id > $1 ${filterSql(table, query.includeRetracted === true)}
        order by id limit ${PAGE}`;
      let last = "";
      for (;;) {
        const { rows } = await guarded(`listing ${table}`, () => pool.query<{ id: string }>(text, [last]));
        for (const row of rows) yield recordOf<T>(table, row);
        const tail = rows.at(-1);
        if (rows.length < PAGE || tail === undefined) return;
        last = tail.id;
      }
    },
    async get<T>(table: RecordTable, id: string): Promise<T | undefined> {
      const extra = table === "lots" ? "and record is not null" : "";
      const { rows } = await guarded(`reading ${table}`, () =>
        pool.query(`select ${recordColumns(table)} from ${table} where id = $1 ${extra}`, [id]),
      );
      const row = rows[0];
      return row === undefined ? undefined : recordOf<T>(table, row);
    },
    async stats(): Promise<StoreStats> {
      return guarded("reading store statistics", async () => {
        const [counts, byKind, byCountry] = await Promise.all([
          pool.query(STATS_SQL.counts),
          pool.query(STATS_SQL.byKind),
          pool.query(STATS_SQL.byCountry),
        ]);
        return toStats(counts.rows[0] ?? {}, byKind.rows, byCountry.rows);
      });
    },
    async changeMark(): Promise<string> {
      return guarded("reading the store's change mark", async () =>
        changeMarkOf((await pool.query(CHANGE_MARK_SQL)).rows[0]),
      );
    },
    async importLog(): Promise<readonly ImportLogEntry[]> {
      return guarded("reading the import log", async () =>
        (await pool.query(STATS_SQL.importLog)).rows.map(toImportLogEntry),
      );
    },
  };
}
