// Child process of bench/ingest.bench.ts: imports files into a store and reports time and peak memory.
import { importFile } from "../src/app/index.ts";
import { openLocalFile } from "../src/cli/read-file.ts";
import { openStore } from "../src/store/index.ts";

const [target, ...paths] = process.argv.slice(2);
if (!target) throw new Error("usage: ingest-run.ts STORE FILE…");
const store = await openStore(target);
const started = performance.now();
let events = 0;
let records = 0;
for (const path of paths) {
  const result = await importFile(store, await openLocalFile(path), {});
  events += result.added.events;
  records += result.recordsRead;
}
const seconds = (performance.now() - started) / 1000;
await store.close();
const usage = process.resourceUsage();
// CPU of every thread of this process (the parse worker included), start-up included.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, events, records, maxRssMb: usage.maxRSS / 1024 })}\n`,
);
