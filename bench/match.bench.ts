/**
 * Name-matching accuracy and speed, printed beside same-run baselines:
 *   1. the OpenSanctions name-bench pairs: threadproof vs logic-v2's stored scores, per slice;
 *   2. the Chinese ↔ English UFLPA set: precision / recall per category, and candidate recall
 *      of the inverted index;
 *   3. names/s of matchName against the bundled list with aliases vs a plain exact-token lookup;
 *   4. facility de-duplication on the 14 Open Supply Hub lists: pairs compared and found, beside
 *      the baseline of rows repeated verbatim (folded name + address + country).
 *
 *   npx tsx bench/match.bench.ts [--threshold 0.7] [--misses]
 */

import { findDuplicateFacilities } from "../src/screen/index.ts";
import {
  buildNameIndex,
  candidates,
  matchName,
  type NameEntry,
  normaliseName,
} from "../src/screen/names/index.ts";
import {
  type Metrics,
  nameBenchReport,
  type PairOutcome,
  readFixture,
  zhEnReport,
} from "../test/fixtures/names/name-benchmark.ts";
import { oshFacilities, verbatimRepeats } from "../test/fixtures/osh/osh-facilities.ts";

const args = process.argv.slice(2);
const thresholdArg = args.indexOf("--threshold");
const threshold = thresholdArg >= 0 ? Number(args[thresholdArg + 1]) : 0.7;
const showMisses = args.includes("--misses");

const fmt = (m: Metrics) => `${m.precision.toFixed(3)}  ${m.recall.toFixed(3)}  ${m.f1.toFixed(3)}`;

function printMisses(outcomes: readonly PairOutcome[]): void {
  for (const o of outcomes.filter((x) => x.truth !== x.predicted)) {
    console.log(
      `  ${o.truth ? "FN" : "FP"} ${o.score.toFixed(2)} ${o.row.category ?? o.row.case_group} | ${o.row.name1} | ${o.row.name2}`,
    );
  }
}

function nameBench(): void {
  const { slices, outcomes } = nameBenchReport(threshold);
  console.log(`\n## name-bench (cases-with-logicv2.csv, threshold ${threshold})`);
  console.log(`${"slice".padEnd(34)} ${"n".padStart(4)}   threadproof P  R  F1     logic-v2 P  R  F1`);
  for (const s of slices) {
    const mark = s.ours.f1 + 1e-9 >= s.logicV2.f1 ? " " : "!";
    console.log(
      `${s.slice.padEnd(34)} ${String(s.ours.n).padStart(4)}   ${fmt(s.ours)}   ${fmt(s.logicV2)} ${mark}`,
    );
  }
  if (showMisses) printMisses(outcomes);
}

/** The bundled UFLPA entities with aliases and Chinese names, as an index. */
export function listEntries(): NameEntry[] {
  const zh = readFixture("uflpa/uflpa_chinese_names.csv");
  return readFixture("uflpa/uflpa_entity_list.csv").map((row) => {
    const aliases = (row.aliases ?? "").split(";").map((a) => a.replace(/\(formerly known as\)/, "").trim());
    const han = zh
      .filter((z) => (z.name ?? "").replace(/\s*\(.*$/, "") === row.name)
      .flatMap((z) => (z.chinese_name ?? "").split(";").map((p) => p.replace(/\s*[(（].*$/, "").trim()));
    const names = [row.name ?? "", ...aliases, ...han].filter((n) => n.length > 0);
    return {
      id: `uflpa:${row.id}`,
      names,
      kind: "company",
      country: row.province_or_country === "Hong Kong" ? "HK" : "CN",
    };
  });
}

function zhEn(): void {
  const { slices, outcomes } = zhEnReport(threshold);
  console.log(`\n## zh-en UFLPA pairs (zh-en-pairs.csv, threshold ${threshold})`);
  console.log(`${"slice".padEnd(42)} ${"n".padStart(4)}   P      R      F1`);
  for (const s of slices)
    console.log(`${s.slice.padEnd(42)} ${String(s.ours.n).padStart(4)}   ${fmt(s.ours)}`);
  if (showMisses) printMisses(outcomes);
  const entries = listEntries();
  const index = buildNameIndex(entries);
  const positives = outcomes.filter((o) => o.truth && /^\d+$/.test(o.row.entity ?? ""));
  let found = 0;
  for (const o of positives) {
    const top = candidates(index, normaliseName(o.row.name1 ?? "", { kind: "company" }), 10);
    if (top.some((e) => entries[e]?.id === `uflpa:${o.row.entity}`)) found++;
  }
  console.log(
    `candidate recall@10 of the index (query name1 → its list entity): ${(found / positives.length).toFixed(3)} (${found}/${positives.length})`,
  );
}

function speed(): void {
  const entries = listEntries();
  const started = performance.now();
  const index = buildNameIndex(entries);
  const built = performance.now() - started;
  const queries = readFixture("zh-en-pairs.csv").map((r) => r.name1 ?? "");
  const rounds = Math.max(1, Math.ceil(4000 / queries.length));
  let t = performance.now();
  let hits = 0;
  for (let r = 0; r < rounds; r++)
    for (const q of queries) hits += matchName(index, { name: q }).results.length;
  const ours = (rounds * queries.length) / ((performance.now() - t) / 1000);
  // Baseline: lower-case word split and an exact-token posting lookup over the same names.
  const postings = new Map<string, Set<number>>();
  entries.forEach((e, i) => {
    for (const n of e.names)
      for (const w of n.toLowerCase().split(/\W+/))
        if (w) postings.set(w, (postings.get(w) ?? new Set()).add(i));
  });
  t = performance.now();
  let baseHits = 0;
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const seen = new Set<number>();
      for (const w of q.toLowerCase().split(/\W+/)) for (const i of postings.get(w) ?? []) seen.add(i);
      baseHits += seen.size;
    }
  const base = (rounds * queries.length) / ((performance.now() - t) / 1000);
  const nameCount = entries.reduce((n, e) => n + e.names.length, 0);
  console.log(
    `\n## speed (${entries.length} entities, ${nameCount} names; index built in ${built.toFixed(0)} ms)`,
  );
  console.log(`matchName:               ${ours.toFixed(0).padStart(8)} names/s  (${hits} results)`);
  console.log(
    `baseline exact-token:    ${base.toFixed(0).padStart(8)} names/s  (${baseHits} candidates, no scoring)`,
  );
}

function facilityDuplicates(): void {
  const all = oshFacilities();
  const started = performance.now();
  const report = findDuplicateFacilities(all);
  const ms = performance.now() - started;
  const dupes = report.pairs.filter((p) => p.verdict === "duplicate");
  const found = new Set(dupes.map((p) => `${p.a.id}|${p.b.id}`));
  const verbatim = verbatimRepeats(all).flatMap((g) =>
    g.flatMap((x, i) => g.slice(i + 1).map((y) => (x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`))),
  );
  const caught = verbatim.filter((k) => found.has(k)).length;
  const allPairs = (all.length * (all.length - 1)) / 2;
  console.log(`\n## facility de-duplication (Open Supply Hub lists: ${all.length} rows)`);
  console.log(`pairs possible:          ${allPairs.toLocaleString("en-US").padStart(10)}`);
  console.log(
    `pairs compared:          ${report.compared.toLocaleString("en-US").padStart(10)}  (after candidate retrieval; ${ms.toFixed(0)} ms)`,
  );
  console.log(`duplicates found:        ${String(dupes.length).padStart(10)}  (same site)`);
  console.log(
    `same name, other site:   ${String(report.pairs.length - dupes.length).padStart(10)}  (for an analyst to decide)`,
  );
  console.log(
    `baseline verbatim pairs: ${String(verbatim.length).padStart(10)}  (found ${caught}; ${dupes.length - caught} more found only by the matcher)`,
  );
}

nameBench();
zhEn();
speed();
facilityDuplicates();
