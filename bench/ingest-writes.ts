/**
 * `tsx bench/ingest-writes.ts FILE [STORE]`: the write side of an EPCIS import alone. Parses the
 * file in memory first (not timed), then replays its chunks through `beginImport` → `write` →
 * `commit` on a fresh store, printing the CPU and wall time of the writes and of the commit, and
 * what the store holds per event (bytes per table and index, from SQLite's dbstat).
 */
import { readFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { eventText, parseEventJson } from "../src/app/event-json.ts";
import { nativeSha256Hex } from "../src/app/native-sha256.ts";
import { importerFor, useSha256 } from "../src/ingest/index.ts";
import type { RecordBatch } from "../src/model/index.ts";
import { openStore } from "../src/store/index.ts";

const [file = "", target = "/tmp/ingest-writes.db"] = process.argv.slice(2);
if (file === "") throw new Error("usage: ingest-writes.ts FILE [STORE]");
// biome-ignore lint/correctness/useHookAtTopLevel: not a React hook.
useSha256(nativeSha256Hex);
const batches: RecordBatch[] = [];
async function* bytes() {
  yield readFileSync(file);
}
for await (const chunk of importerFor("epcis-json")({ source: file, bytes: bytes() })) {
  // As the parse worker hands them over: events parsed from their JSON text (see event-json.ts).
  const events = chunk.records.events.map((e) => parseEventJson(eventText(e)));
  batches.push({ ...chunk.records, events });
}
const events = batches.reduce((n, b) => n + b.events.length, 0);
const local = !target.startsWith("postgres");
if (local) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
const store = await openStore(target);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = performance.now();
const c0 = cpu();
const session = await store.beginImport({
  source: file,
  format: "epcis-json",
  startedAt: new Date().toISOString(),
});
for (const b of batches) await session.write(b);
const t1 = performance.now();
const c1 = cpu();
await session.commit({ sha256: "0", skippedIssues: 0 });
const t2 = performance.now();
const c2 = cpu();
await store.close();
const t3 = performance.now();
const c3 = cpu();
const us = (s: number) => `${((s * 1e6) / events).toFixed(0)} µs/event`;
console.log(`${events} events`);
console.log(
  `writes  ${((t1 - t0) / 1000).toFixed(2)} s wall, ${(c1 - c0).toFixed(2)} s CPU (${us(c1 - c0)})`,
);
console.log(
  `commit  ${((t2 - t1) / 1000).toFixed(2)} s wall, ${(c2 - c1).toFixed(2)} s CPU (${us(c2 - c1)})`,
);
console.log(`close   ${((t3 - t2) / 1000).toFixed(2)} s wall, ${(c3 - c2).toFixed(2)} s CPU`);
console.log(
  `total   ${((t3 - t0) / 1000).toFixed(2)} s wall, ${(c3 - c0).toFixed(2)} s CPU (${us(c3 - c0)})`,
);
if (local) {
  const db = new Database(target, { readonly: true });
  const rows = db
    .prepare(
      "select name, sum(pgsize) bytes from dbstat group by name having bytes > 65536 order by bytes desc",
    )
    .all() as { name: string; bytes: number }[];
  for (const r of rows)
    console.log(`  ${r.name.padEnd(36)} ${(r.bytes / events).toFixed(0).padStart(6)} B/event`);
  db.close();
}
