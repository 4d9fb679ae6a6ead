import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { locateXinjiang } from "./index.ts";

interface Row {
  address: string;
  country: string;
  expected_xinjiang: string;
  expected_code: string;
}

const FILE = resolve(import.meta.dirname, "../../../test/fixtures/geo/addresses.csv");

function loadLabelledAddresses(): Row[] {
  return Papa.parse<Row>(readFileSync(FILE, "utf8"), { header: true, skipEmptyLines: true }).data;
}

function scoreRow(row: Row): string | undefined {
  const got = locateXinjiang(row.address, row.country || undefined);
  const want = row.expected_xinjiang === "true";
  if (got.xinjiang !== want)
    return `${row.address} [${row.country}]: expected ${want}, got ${got.xinjiang} (${got.evidence.join("; ")})`;
  if (want && row.expected_code && got.division?.code !== row.expected_code)
    return `${row.address} [${row.country}]: expected ${row.expected_code}, got ${got.division?.code}`;
  return undefined;
}

describe("locateXinjiang on the labelled address set", () => {
  const rows = loadLabelledAddresses();

  it("has at least 200 labelled addresses with both outcomes", () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.some((r) => r.expected_xinjiang === "true")).toBe(true);
    expect(rows.some((r) => r.expected_xinjiang === "false")).toBe(true);
  });

  it("is right on at least 98 % of them (misses listed)", () => {
    const misses = rows.map(scoreRow).filter((m): m is string => m !== undefined);
    const accuracy = 1 - misses.length / rows.length;
    expect(accuracy, `${misses.length} misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.98);
  });
});
