/**
 * `tsx bench/ingest-digest.ts STORE.db`: one SHA-256 over every row of the tables an import writes
 * (keys included; the import log without its times), to check that a change to the write path
 * stores exactly the same rows. Prints the digest and each table's row count.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

const [path = ""] = process.argv.slice(2);
if (path === "") throw new Error("usage: ingest-digest.ts STORE.db");
const db = new Database(path, { readonly: true, fileMustExist: true });
const tables: [string, string][] = [
  ["events", "select * from events order by key"],
  ["event_lots", "select * from event_lots order by event_key, role, position"],
  ["lots", "select * from lots order by key"],
  ["document_refs", "select rowid, * from document_refs order by rowid"],
  ["parties", "select rowid, * from parties order by rowid"],
  ["locations", "select rowid, * from locations order by rowid"],
  ["links", "select rowid, * from links order by rowid"],
  ["imports", "select id, source, sha256, format, added, skipped_issues from imports order by id"],
];
const all = createHash("sha256");
for (const [name, sql] of tables) {
  const h = createHash("sha256");
  let n = 0;
  for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
    h.update(`${JSON.stringify(row)}\n`);
    n += 1;
  }
  const digest = h.digest("hex");
  all.update(`${name}:${digest}\n`);
  console.log(`${name.padEnd(14)} ${String(n).padStart(9)} ${digest.slice(0, 16)}`);
}
console.log(`all            ${all.digest("hex")}`);
db.close();
