/**
 * `npm run bench:ingest [-- --events N --rows M --pg URL]`: generated EPCIS JSON (default 1 M events)
 * and a movements CSV (default 2 M rows), imported end to end into the embedded store (and into
 * PostgreSQL when a URL is given or a server can be started), beside a same-run baseline of bare
 * JSON.parse / papaparse over the same bytes. Each import runs in a child process so its peak
 * memory is its own. `--skip csv,pg` leaves parts out; each import line also gives the CPU time of
 * the import process (all threads), which varies less than wall time on a shared machine.
 */
import { spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Papa from "papaparse";
import { findServerBinaries, startCluster } from "../test/setup/postgres.ts";
import { generatedEpcis } from "./generated-epcis.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DATA = join(ROOT, "bench/.data");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function argText(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const HEADER =
  "event_ref,event_type,event_time,facility_id,role,lot_id,product,quantity,unit,country_of_origin,doc_type,doc_id";

function* csvLines(rows: number): Iterable<string> {
  yield `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const farm = `loc:farm-${i % 997}`;
    yield `ev-${i},origin,2024-10-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00+08:00,${farm},lot,lot:SC-${i},"seed cotton, machine-picked",${1000 + (i % 500)}.5,KGM,US,po,PO-${i % 5000}\n`;
  }
}

async function generateCsv(rows: number): Promise<string> {
  const path = join(DATA, `movements-${rows}.csv`);
  if (!existsSync(path)) {
    mkdirSync(DATA, { recursive: true });
    // Written under a temporary name so an interrupted run never leaves a truncated cache behind.
    await pipeline(Readable.from(csvLines(rows)), createWriteStream(`${path}.part`));
    renameSync(`${path}.part`, path);
  }
  return path;
}

function bytesOf(paths: readonly string[]): number {
  return paths.reduce((a, p) => a + statSync(p).size, 0);
}

/** Baseline: read each document whole and JSON.parse it (documents are ≤ 250k events, so this fits). */
function baselineJson(paths: readonly string[]): { seconds: number; events: number } {
  const t = performance.now();
  let events = 0;
  for (const p of paths) {
    const doc = JSON.parse(readFileSync(p, "utf8")) as { epcisBody: { eventList: unknown[] } };
    events += doc.epcisBody.eventList.length;
  }
  return { seconds: (performance.now() - t) / 1000, events };
}

/** Baseline: papaparse streaming the same file with a no-op row handler. */
function baselineCsv(path: string): Promise<{ seconds: number; rows: number }> {
  const t = performance.now();
  let rows = 0;
  return new Promise((done, fail) => {
    Papa.parse(createReadStream(path), {
      step: () => {
        rows++;
      },
      complete: () => done({ seconds: (performance.now() - t) / 1000, rows: rows - 1 }),
      error: fail,
    });
  });
}

interface RunResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly events: number;
  readonly records: number;
  readonly maxRssMb: number;
}

function runImport(target: string, paths: readonly string[]): RunResult {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/ingest-run.ts"), target, ...paths],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as RunResult;
}

function line(label: string, n: number, seconds: number, unit: string, extra = ""): string {
  const rate = Math.round(n / seconds).toLocaleString("en-US");
  return `${label.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s  ${rate.padStart(10)} ${unit}/s ${extra}`;
}

async function postgresTarget(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  const given = argText("pg") ?? process.env.THREADPROOF_BENCH_PG;
  if (given) return { url: given, stop: async () => {} };
  const bin = findServerBinaries();
  if (!bin) return undefined;
  const cluster = await startCluster(bin);
  return { url: `${cluster.url.replace(/\/[^/]*$/, "")}/postgres`, stop: () => cluster.stop() };
}

/** `--skip csv,pg`: leave those parts out (a 1 M-event run on a busy machine takes long enough). */
function skipped(part: string): boolean {
  return (argText("skip") ?? "").split(",").includes(part);
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function importLine(label: string, r: RunResult, unit: string): string {
  return line(
    label,
    r.events,
    r.seconds,
    unit,
    `CPU ${r.cpuSeconds.toFixed(1)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB`,
  );
}

async function main(): Promise<void> {
  const events = arg("events", 1_000_000);
  const rows = arg("rows", 2_000_000);
  process.stdout.write(
    `threadproof bench:ingest — ${events.toLocaleString("en-US")} EPCIS events, ${rows.toLocaleString("en-US")} CSV rows\n`,
  );
  const jsonFiles = await generatedEpcis(DATA, events);
  const jsonMb = bytesOf(jsonFiles) / 1e6;
  process.stdout.write(`load average before: ${load()}\n`);

  const bj = baselineJson(jsonFiles);
  const db = join(DATA, "bench.db");
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  const sj = runImport(db, jsonFiles);
  process.stdout.write(
    [
      `EPCIS JSON: ${jsonFiles.length} document(s), ${jsonMb.toFixed(0)} MB, ${bj.events.toLocaleString("en-US")} events`,
      line("  baseline: read + JSON.parse", bj.events, bj.seconds, "events"),
      importLine("  threadproof import → SQLite", sj, "events"),
      `  SQLite ingest / baseline throughput: ${((bj.seconds / sj.seconds) * 100).toFixed(0)} %  (load ${load()})`,
      "",
    ].join("\n"),
  );

  if (!skipped("csv")) {
    const csv = await generateCsv(rows);
    const csvMb = bytesOf([csv]) / 1e6;
    const bc = await baselineCsv(csv);
    const db2 = join(DATA, "bench-csv.db");
    rmSync(db2, { force: true });
    rmSync(`${db2}-wal`, { force: true });
    const sc = runImport(db2, [csv]);
    process.stdout.write(
      [
        `CSV: ${csvMb.toFixed(0)} MB, ${bc.rows.toLocaleString("en-US")} rows`,
        line("  baseline: papaparse (streaming, no-op)", bc.rows, bc.seconds, "rows"),
        importLine("  threadproof import → SQLite", sc, "rows"),
        `  SQLite ingest / baseline throughput: ${((bc.seconds / sc.seconds) * 100).toFixed(0)} %  (load ${load()})`,
        "",
      ].join("\n"),
    );
  }

  if (skipped("pg")) return;
  const pg = await postgresTarget();
  if (!pg) {
    process.stdout.write("PostgreSQL: no server binaries found and no --pg URL: skipped\n");
    return;
  }
  try {
    const pj = runImport(pg.url, jsonFiles);
    process.stdout.write(
      `${importLine("  threadproof import → PostgreSQL (EPCIS)", pj, "events")}  (load ${load()})\n`,
    );
  } finally {
    await pg.stop();
  }
}

await main();
