/**
 * Screening speed in names per CPU second (one core), printed beside a same-run baseline (a plain exact-token lookup over the same
 * names: lower-case word split, one posting list per word, the union of the query's lists):
 *   1. the bundled lists with aliases and Chinese names; queries: every party, facility, owner and
 *      alias name of the sample chain plus the names of both labelled sets;
 *   2. a generated list of N FtM Company entities (default 1 000 000), written as JSON lines to a
 *      temporary file and loaded through the FtM list loader: index build time, names/s, peak RSS.
 *
 *   npm run bench:screen -- [--entities 1000000] [--queries 2000] [--workers 1] [--generated 6000] [--skip-large]
 *   taskset -c 0 npm run bench:screen -- --skip-large      (one core: V8's helper threads share it)
 *
 * The large list's index is built by this thread and `--workers` worker threads together
 * (`buildNameIndexInWorkers`; 0: this thread alone): wall time and CPU time of all threads.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildNameIndexInWorkers } from "../src/app/build-name-index.ts";
import { type ListEntry, loadBundledLists, parseFtmList } from "../src/ingest/lists/index.ts";
import { buildNameIndex, matchName, type NameIndex } from "../src/screen/names/index.ts";
import {
  ftmCompanyLine,
  generateCompany,
  generatedNames,
  seededRandom,
  spellingOf,
} from "./ftm-company-generator.ts";
import { realisticQueries } from "./realistic-queries.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ENTITIES = option("--entities", 1_000_000);
const LARGE_QUERIES = option("--queries", 2_000);
const WORKERS = option("--workers", 1);
/** Generated names run against the bundled lists after the realistic ones: a pass long enough for a steady rate. */
const BUNDLED_GENERATED = option("--generated", 6_000);
/** Queries the large list's baseline runs (at 1 M names it manages about 9 a second). */
const BASELINE_QUERIES = 300;

function entriesOf(list: readonly ListEntry[]) {
  return list.map((e) => ({
    id: e.id,
    names: [e.name, ...e.aliases, ...e.formerNames, ...e.chineseNames],
    kind: "company" as const,
  }));
}

/** The baseline: exact lower-case words, one posting list each. */
function baselineIndex(entries: readonly { names: readonly string[] }[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  const add = (word: string, i: number) => {
    const list = postings.get(word);
    if (!list) postings.set(word, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  entries.forEach((e, i) => {
    for (const n of e.names) for (const w of baselineWords(n)) add(w, i);
  });
  return postings;
}

function baselineWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** CPU seconds of `run` (user + system): the machine is shared, so wall time would overstate the cost. */
function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

function baselineLookup(postings: Map<string, number[]>, query: string): number {
  const seen = new Set<number>();
  for (const w of baselineWords(query)) for (const i of postings.get(w) ?? []) seen.add(i);
  return seen.size;
}

function baselineRate(postings: Map<string, number[]>, queries: readonly string[], rounds: number): number {
  const seconds = cpuSeconds(() => {
    for (let r = 0; r < rounds; r++) for (const q of queries) baselineLookup(postings, q);
  });
  return (rounds * queries.length) / seconds;
}

/**
 * names/s on names not seen before (the code warmed up on other names first, as in a running
 * service) and on the same names again (normalised names and word pairs remembered).
 */
function matchRate(index: NameIndex, queries: readonly string[]): { fresh: number; repeated: number } {
  const warmUp = queries.filter((_, i) => i % 2 === 1);
  const measured = queries.filter((_, i) => i % 2 === 0);
  const pass = () =>
    measured.length /
    cpuSeconds(() => {
      for (const q of measured) matchName(index, { name: q });
    });
  for (const q of warmUp) matchName(index, { name: q });
  const fresh = pass();
  return { fresh, repeated: pass() };
}

function peakRssMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

const rate = (n: number) => `${n.toFixed(0).padStart(9)} names/s`;

function bundled(): void {
  const entries = entriesOf(loadBundledLists().entries);
  let index: NameIndex = buildNameIndex([]);
  const built = cpuSeconds(() => {
    index = buildNameIndex(entries);
  });
  const queries = realisticQueries();
  const ours = matchRate(index, queries);
  const generated = generatedNames(BUNDLED_GENERATED, 11);
  const steady =
    generated.length /
    cpuSeconds(() => {
      for (const q of generated) matchName(index, { name: q });
    });
  const baseIndex = baselineIndex(entries);
  const base = baselineRate(baseIndex, queries, 4);
  console.log(
    `\n## bundled lists (${entries.length} entities, ${index.names.length} names; index ${(built * 1000).toFixed(0)} ms; ${queries.length} queries; ${allowedCores()})`,
  );
  console.log(`matchName, new names:    ${rate(ours.fresh)}`);
  console.log(`matchName, repeated:     ${rate(ours.repeated)}`);
  console.log(`matchName, ${generated.length} generated: ${rate(steady)}   (all new, after the above)`);
  console.log(`baseline exact-token:    ${rate(base)}`);
  console.log(`baseline, generated:     ${rate(baselineRate(baseIndex, generated, 1))}`);
}

/**
 * CPU time counts V8's compiler and GC threads too; on more than one core they run beside the
 * matcher, so "on one core" is measured pinned: `taskset -c 0 npm run bench:screen`.
 */
function allowedCores(): string {
  const status = existsSync("/proc/self/status") ? readFileSync("/proc/self/status", "utf8") : "";
  const cpus = /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1];
  return cpus === undefined ? "cores unknown" : `CPUs allowed: ${cpus}`;
}

/** Queries for the large list: the realistic mix plus generated names in another spelling. */
function largeQueries(count: number): string[] {
  const random = seededRandom(7);
  const real = realisticQueries();
  return Array.from({ length: count }, (_, i) => {
    if (i % 2 === 0) return real[i % real.length] as string;
    return spellingOf(generateCompany(random), i);
  });
}

/** Wall and CPU seconds (user + system, every thread of the process) of an asynchronous step. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const start = performance.now();
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

async function large(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-screen-"));
  const file = join(dir, "entities.ftm.json");
  try {
    const random = seededRandom(42);
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(ftmCompanyLine(i, random));
    writeFileSync(file, `${lines.join("\n")}\n`);
    lines.length = 0;
    let parsed: ReturnType<typeof parseFtmList> | undefined;
    const loaded = cpuSeconds(() => {
      parsed = parseFtmList(readFileSync(file, "utf8"), file, "uflpa");
    });
    const entries = entriesOf(parsed?.entries ?? []);
    parsed = undefined;
    const built = await timed(() => buildNameIndexInWorkers(entries, { workers: WORKERS, minNames: 0 }));
    const index = built.value;
    const queries = largeQueries(LARGE_QUERIES);
    const ours = matchRate(index, queries);
    const peak = peakRssMb();
    let postings = new Map<string, number[]>();
    const baseBuilt = cpuSeconds(() => {
      postings = baselineIndex(entries);
    });
    // The baseline unions whole posting lists ("co", "ltd" on most names): a few hundred queries measure it.
    const base = baselineRate(postings, queries.slice(0, BASELINE_QUERIES), 1);
    console.log(
      `\n## generated FtM list (${entries.length} entities, ${index.names.length} names; ${queries.length} queries)`,
    );
    console.log(`load (FtM loader):       ${loaded.toFixed(1)} s`);
    console.log(
      `index build:             ${built.wall.toFixed(1)} s wall, ${built.cpu.toFixed(1)} s CPU (${WORKERS + 1} thread${WORKERS > 0 ? "s" : ""})   (baseline ${baseBuilt.toFixed(1)} s CPU, one thread)`,
    );
    console.log(`matchName, new names:    ${rate(ours.fresh)}`);
    console.log(`baseline exact-token:    ${rate(base)}`);
    console.log(`peak RSS (VmHWM) before the baseline index: ${peak.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

bundled();
if (!args.includes("--skip-large")) await large(ENTITIES);
