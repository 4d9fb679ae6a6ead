import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCsv, readFixture } from "../test/fixtures/names/name-benchmark.ts";

/** The sample chain's party, facility, owner and alias names, and both labelled sets' names. */
export function realisticQueries(): string[] {
  const facilities = parseCsv(readFileSync(resolve(import.meta.dirname, "../sample/facilities.csv"), "utf8"));
  const sample = facilities.flatMap((r) => [
    r.facility_name ?? "",
    r.party_name ?? "",
    r.party_name_local ?? "",
    r.owner_party_name ?? "",
    ...(r.party_aliases ?? "").split(";"),
  ]);
  const labelled = [
    ...readFixture("zh-en-pairs.csv").map((r) => r.name1 ?? ""),
    ...readFixture("cases-with-logicv2.csv").flatMap((r) => [r.name1 ?? "", r.name2 ?? ""]),
  ];
  return [...sample, ...labelled].map((n) => n.trim()).filter((n) => n.length > 0);
}
