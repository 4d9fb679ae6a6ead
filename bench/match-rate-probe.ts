/**
 * The query side of `bench:screen`'s bundled-list figure on its own, for profiling and for
 * before/after runs of the matcher: the same index (bundled lists with aliases) and the same
 * queries (sample chain names and both labelled sets), the same warm-up on the odd queries and
 * measured pass over the even ones, in CPU and wall time; then, with `--generated N`, N more
 * names from the FtM generator (English, Chinese, registry pinyin), all new to the matcher.
 *
 * `--against DIR` loads a second copy of the code from DIR (a `git worktree` of an earlier
 * revision) into the same process and alternates the two on the same names in chunks: each copy
 * has its own memos, so both see every name new, and both run in the same seconds of a shared
 * machine. `--explain` reads every result's explanations (as `check` does), which
 * screening only does for matches.
 *
 *   npx tsx bench/match-rate-probe.ts [--generated N] [--explain] [--against /tmp/wt-before]
 *   node --cpu-prof --import tsx bench/match-rate-probe.ts --generated 6000
 */
import { resolve } from "node:path";
import { generatedNames } from "./ftm-company-generator.ts";
import { realisticQueries } from "./realistic-queries.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const GENERATED = Number(option("--generated", "0"));
const AGAINST = option("--against", "");
const EXPLAIN = args.includes("--explain");

interface Time {
  cpu: number;
  wall: number;
}

function timed(run: () => void): Time {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall) / 1000 };
}

type Match = (name: string) => void;

/** A copy of the matcher (this tree's or DIR's) with the bundled-list index built. */
async function matcherFrom(root: string): Promise<Match> {
  const names = await import(resolve(root, "src/screen/names/index.ts"));
  const lists = await import(resolve(root, "src/ingest/lists/index.ts"));
  const entries = (lists.loadBundledLists().entries as Record<string, unknown>[]).map((e) => ({
    id: e.id as string,
    names: [
      e.name,
      ...(e.aliases as string[]),
      ...(e.formerNames as string[]),
      ...(e.chineseNames as string[]),
    ],
    kind: "company" as const,
  }));
  const index = names.buildNameIndex(entries);
  const matchName = names.matchName as (
    index: unknown,
    query: { name: string },
  ) => { results: { explanations: readonly string[] }[] };
  return (name) => {
    const result = matchName(index, { name });
    if (EXPLAIN) for (const r of result.results) r.explanations.length;
  };
}

const queries = realisticQueries();
const warmUp = queries.filter((_, i) => i % 2 === 1);
const measured = queries.filter((_, i) => i % 2 === 0);
const generated = generatedNames(GENERATED, 11);

const rate = (n: number, t: Time) =>
  `${(n / t.cpu).toFixed(0).padStart(6)} names/s CPU, ${(n / t.wall).toFixed(0).padStart(6)} wall`;
const run = (match: Match, names: readonly string[]) =>
  timed(() => {
    for (const q of names) match(q);
  });
const add = (a: Time, b: Time): Time => ({ cpu: a.cpu + b.cpu, wall: a.wall + b.wall });

const copies: { label: string; match: Match }[] = [];
if (AGAINST) copies.push({ label: `before (${AGAINST})`, match: await matcherFrom(AGAINST) });
copies.push({ label: "this tree", match: await matcherFrom(resolve(import.meta.dirname, "..")) });

/** Per copy, the total time over the chunks and each chunk's CPU seconds. */
interface Alternated {
  readonly totals: Time[];
  readonly chunks: number[][];
}

/** Splits names into chunks run by every copy in turn, the first copy alternating. */
function alternate(names: readonly string[], chunks: number): Alternated {
  const totals = copies.map(() => ({ cpu: 0, wall: 0 }));
  const perChunk: number[][] = copies.map(() => []);
  const size = Math.ceil(names.length / chunks);
  for (let c = 0; c < chunks; c++) {
    const chunk = names.slice(c * size, (c + 1) * size);
    const order = c % 2 === 0 ? copies.map((_, i) => i) : copies.map((_, i) => copies.length - 1 - i);
    for (const i of order) {
      const t = run((copies[i] as { match: Match }).match, chunk);
      totals[i] = add(totals[i] as Time, t);
      (perChunk[i] as number[]).push(t.cpu);
    }
  }
  return { totals, chunks: perChunk };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median over chunks of before's CPU time over this tree's: the speed-up, robust to a busy chunk. */
function speedUp(a: Alternated): string {
  if (copies.length < 2) return "";
  const before = a.chunks[0] as number[];
  const after = a.chunks[1] as number[];
  return `   ×${median(before.map((t, c) => t / (after[c] as number))).toFixed(2)} (median of ${before.length} chunks)`;
}

const CHUNKS = copies.length > 1 ? 8 : 1;
for (const copy of copies) for (const q of warmUp) copy.match(q);
const fresh = alternate(measured, CHUNKS);
const repeated = alternate(measured, CHUNKS);
const more = GENERATED > 0 ? alternate(generated, CHUNKS * 4) : undefined;
copies.forEach((copy, i) => {
  console.log(`\n${copy.label}`);
  console.log(`  new names:  ${rate(measured.length, fresh.totals[i] as Time)}`);
  console.log(`  repeated:   ${rate(measured.length, repeated.totals[i] as Time)}`);
  if (more) console.log(`  generated:  ${rate(generated.length, more.totals[i] as Time)}`);
});
if (copies.length > 1) {
  console.log(`\nthis tree against before, CPU:`);
  console.log(`  new names: ${speedUp(fresh)}`);
  console.log(`  repeated:  ${speedUp(repeated)}`);
  if (more) console.log(`  generated: ${speedUp(more)}`);
}
