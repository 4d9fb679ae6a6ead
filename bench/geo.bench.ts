/**
 * Geography benchmark: accuracy of locateXinjiang on the labelled set, addresses per second, and
 * how many Chinese addresses of the set resolveRegion gives a province. Beside it, a same-run
 * baseline: a plain substring test for "xinjiang"/"新疆".
 *   npx tsx bench/geo.bench.ts
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { locateXinjiang, resolveRegion } from "../src/screen/geo/index.ts";

interface Row {
  address: string;
  country: string;
  expected_xinjiang: string;
}

const rows = Papa.parse<Row>(
  readFileSync(resolve(import.meta.dirname, "../test/fixtures/geo/addresses.csv"), "utf8"),
  { header: true, skipEmptyLines: true },
).data;

function accuracy(predict: (r: Row) => boolean): number {
  return rows.filter((r) => predict(r) === (r.expected_xinjiang === "true")).length / rows.length;
}

function rate(fn: (r: Row) => unknown, rounds: number): number {
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const r of rows) fn(r);
  return (rows.length * rounds) / ((performance.now() - start) / 1000);
}

const baseline = (r: Row) => /xinjiang|新疆/i.test(r.address);
const ours = (r: Row) => locateXinjiang(r.address, r.country || undefined).xinjiang;
ours(rows[0] as Row); // build the gazetteer outside the timing
const chinese = rows.filter((r) => /^(cn|china|中国)$/i.test(r.country));
const withProvince = chinese.filter(
  (r) => resolveRegion({ lines: [r.address], country: r.country }).province,
);

console.log(
  `labelled addresses: ${rows.length} (${rows.filter((r) => r.expected_xinjiang === "true").length} in Xinjiang)`,
);
console.log(
  `accuracy  locateXinjiang ${accuracy(ours).toFixed(4)}   baseline substring ${accuracy(baseline).toFixed(4)}`,
);
console.log(
  `speed     locateXinjiang ${Math.round(rate(ours, 20))} addresses/s   baseline ${Math.round(rate(baseline, 200))} addresses/s`,
);
console.log(
  `resolveRegion: province found for ${withProvince.length} of ${chinese.length} addresses with country China`,
);
