/**
 * The floor under an import's SQLite writes: `npx tsx bench/ingest-floor.ts STORE.db FILE.jsonld…`
 * takes the rows the import of FILE… stored in STORE.db (lots, events, lot edges, document
 * references) and inserts them again into an empty database with the same schema — prepared
 * statements, one transaction, no parsing, hashing or lookups — beside `read + JSON.parse` of the files,
 * the baseline of `bench:ingest`. Then the same with the indexes built after the rows, with every
 * record text emptied, and with the events table alone. What an import could reach if everything
 * but SQLite cost nothing (issue 2's "≥ 50 % of the bare-parse baseline" target).
 */
import { readFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

const [source, ...files] = process.argv.slice(2);
if (!source || files.length === 0)
  throw new Error("usage: ingest-floor.ts STORE.db FILE.jsonld… (the files imported into STORE.db)");
const TABLES = ["lots", "events", "event_lots", "document_refs"] as const;
const OUT = "/tmp/threadproof-ingest-floor.db";

// The baseline first, before this process holds every row (a large heap slows JSON.parse down).
const started = performance.now();
for (const file of files) JSON.parse(readFileSync(file, "utf8"));
const parseMs = performance.now() - started;

const from = new Database(source, { readonly: true });
const rows = new Map<string, unknown[][]>(
  TABLES.map((t) => [t, from.prepare(`select * from ${t}`).raw().all() as unknown[][]]),
);
const schema = from
  .prepare(
    `select sql, type from sqlite_master where sql is not null and tbl_name in (${TABLES.map(() => "?").join()})`,
  )
  .all(...TABLES) as { sql: string; type: string }[];
const events = rows.get("events")?.length ?? 0;

function fresh(): Database.Database {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(OUT + suffix, { force: true });
  const db = new Database(OUT);
  db.pragma("journal_mode = wal");
  // As an import's session does (sqlite-session.ts): a 512 MB page cache.
  db.pragma("cache_size = -524288");
  for (const s of schema) if (s.type === "table") db.exec(s.sql);
  return db;
}

function insertAll(label: string, indexesAfter: boolean): void {
  const db = fresh();
  const indexes = schema.filter((s) => s.type === "index");
  if (!indexesAfter) for (const s of indexes) db.exec(s.sql);
  const started = performance.now();
  db.exec("begin");
  for (const [table, list] of rows) {
    if (list.length === 0) continue;
    const width = list[0]?.length ?? 0;
    const insert = db.prepare(`insert into ${table} values (${Array(width).fill("?").join()})`);
    for (const row of list) insert.run(row);
  }
  if (indexesAfter) for (const s of indexes) db.exec(s.sql);
  db.exec("commit");
  const ms = performance.now() - started;
  db.close();
  console.log(
    `${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(6)} s ${((ms * 1000) / events).toFixed(1).padStart(6)} µs/event`,
  );
}

function emptyRecords(): void {
  for (const table of TABLES) {
    const column = from
      .prepare(`select * from ${table} limit 1`)
      .columns()
      .findIndex((c) => c.name === "record");
    if (column < 0) continue;
    for (const row of rows.get(table) ?? []) if (row[column] !== null) row[column] = "";
  }
}

const count = (t: string) => (rows.get(t)?.length ?? 0).toLocaleString("en-US");
console.log(
  `${count("events")} events, ${count("event_lots")} lot edges, ${count("lots")} lots, ${count("document_refs")} document references`,
);
console.log(
  `${"baseline: read + JSON.parse of the files".padEnd(58)} ${(parseMs / 1000).toFixed(2).padStart(6)} s ${((parseMs * 1000) / events).toFixed(1).padStart(6)} µs/event`,
);
insertAll("all rows, indexes maintained", false);
insertAll("all rows, indexes built after", true);
emptyRecords();
insertAll("all rows, record texts emptied, indexes built after", true);
for (const t of ["lots", "event_lots", "document_refs"]) rows.set(t, []);
insertAll("events alone, record texts emptied, indexes built after", true);
for (const suffix of ["", "-wal", "-shm"]) rmSync(OUT + suffix, { force: true });
