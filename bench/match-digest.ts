/**
 * A digest of everything the matcher decides, to show that a speed change left the output as it
 * was: run it on this tree and on a worktree of the earlier revision and compare the lines.
 *   - check: `checkOne` (what `threadproof check --json` prints) and the whole `matchName` result
 *     (features and alignment-based scores included) for the sample chain's names, both labelled
 *     sets' names and generated names, alone, with a country and with identifiers;
 *   - compare: `compareNames` (what `threadproof compare --json` prints) and `scoreNames` with its
 *     features over the name-bench pairs and the Chinese ↔ English pairs;
 *   - screen: `screenNames` over the same names (what `screen` keeps: matches and their sentences).
 *
 *   npx tsx bench/match-digest.ts [--root DIR] [--generated N] [--out FILE]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv } from "../test/fixtures/names/name-benchmark.ts";
import { generatedNames } from "./ftm-company-generator.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const ROOT = resolve(option("--root", resolve(import.meta.dirname, "..")));
const GENERATED = Number(option("--generated", "3000"));
const OUT = option("--out", "");

const names = await import(resolve(ROOT, "src/screen/names/index.ts"));
const app = await import(resolve(ROOT, "src/app/index.ts"));
const fixture = (file: string) => parseCsv(readFileSync(resolve(ROOT, "test/fixtures/names", file), "utf8"));

const facilities = parseCsv(readFileSync(resolve(ROOT, "sample/facilities.csv"), "utf8"));
const benchPairs = fixture("cases-with-logicv2.csv");
const zhEn = fixture("zh-en-pairs.csv");
const queries = [
  ...facilities.flatMap((r) => [
    r.facility_name ?? "",
    r.party_name ?? "",
    r.party_name_local ?? "",
    r.owner_party_name ?? "",
    ...(r.party_aliases ?? "").split(";"),
  ]),
  ...zhEn.flatMap((r) => [r.name1 ?? "", r.name2 ?? ""]),
  ...benchPairs.flatMap((r) => [r.name1 ?? "", r.name2 ?? ""]),
  ...generatedNames(GENERATED, 5),
]
  .map((n) => n.trim())
  .filter((n) => n.length > 0);

const lines: string[] = [];
const sections = new Map<string, ReturnType<typeof createHash>>();
function record(section: string, value: unknown): void {
  const line = `${section}\t${JSON.stringify(value)}`;
  if (OUT) lines.push(line);
  let hash = sections.get(section);
  if (!hash) {
    hash = createHash("sha256");
    sections.set(section, hash);
  }
  hash.update(`${line}\n`);
}

const screener = app.createScreener();
const uscc = [{ scheme: "uscc", value: "91650000228601591X" }];
queries.forEach((name, i) => {
  const context =
    i % 3 === 1 ? { country: i % 2 ? "CN" : "United States" } : i % 7 === 2 ? { identifiers: uscc } : {};
  record("check", app.checkOne(screener, { name, ...(context.country ? context : {}) }));
  record("match", names.matchName(screener.index, { name, ...context }));
  record("screen", app.screenNames(screener, [name], context));
});

type Pair = { name1: string; name2: string; schema?: string; country1?: string; country2?: string };
const pairs: Pair[] = [
  ...benchPairs.map((r) => ({
    name1: r.name1 ?? "",
    name2: r.name2 ?? "",
    ...(r.schema ? { schema: r.schema } : {}),
  })),
  ...zhEn.map((r) => ({
    name1: r.name1 ?? "",
    name2: r.name2 ?? "",
    ...(r.country1 ? { country1: r.country1 } : {}),
    ...(r.country2 ? { country2: r.country2 } : {}),
  })),
];
for (const pair of pairs) {
  record("compare", app.compareNames(pair));
  const kind = pair.schema === "Person" ? "person" : pair.schema === "Company" ? "company" : "unknown";
  record(
    "score",
    names.scoreNames(names.normaliseName(pair.name1, { kind }), names.normaliseName(pair.name2, { kind }), {
      query: { country: "CN" },
    }),
  );
}

for (const [section, hash] of sections) console.log(`${section.padEnd(8)} ${hash.digest("hex")}`);
console.log(`${queries.length} queries, ${pairs.length} pairs`);
if (OUT) writeFileSync(OUT, `${lines.join("\n")}\n`);
