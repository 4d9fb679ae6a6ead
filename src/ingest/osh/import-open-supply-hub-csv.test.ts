import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collectChunks } from "../csv/index.ts";
import { streamBytes } from "../text/index.ts";
import { importOpenSupplyHubCsv } from "./import-open-supply-hub-csv.ts";
import { looksLikeOpenSupplyHubCsv } from "./looks-like-open-supply-hub-csv.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/osh");
const lists = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
const run = (bytes: Uint8Array, source: string, chunkSize = 64 * 1024) =>
  collectChunks(importOpenSupplyHubCsv({ source, bytes: streamBytes(bytes, chunkSize) }));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("importOpenSupplyHubCsv", () => {
  it("finds the 14 raw and 14 geocoded lists", () => {
    expect(lists(FIXTURES)).toHaveLength(14);
    expect(lists(resolve(FIXTURES, "geocoded"))).toHaveLength(14);
  });

  it.each(lists(FIXTURES))("imports list %s with no error issues and one location per row", async (name) => {
    const bytes = readFileSync(resolve(FIXTURES, name));
    const rows = new TextDecoder().decode(bytes).trim().split("\n").length - 1;
    const { records, issues } = await run(bytes, name, 1000);
    // Not even warnings: every country spelling in the lists is in the country table.
    expect(issues).toEqual([]);
    // Quoted newlines would make rows < lines; these lists have none, so every line is a facility.
    expect(records.locations).toHaveLength(rows);
    expect(records.locations.every((l) => /^[A-Z]{2}$/.test(l.address.country ?? ""))).toBe(true);
    expect(records.locations.every((l) => l.sector?.startsWith("Apparel"))).toBe(true);
  });

  it.each(lists(resolve(FIXTURES, "geocoded")))("imports geocoded list %s with coordinates", async (name) => {
    const bytes = readFileSync(resolve(FIXTURES, "geocoded", name));
    const { records, issues } = await run(bytes, `geocoded/${name}`);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(records.locations.length).toBeGreaterThan(0);
    expect(records.locations.every((l) => l.latitude !== undefined && l.longitude !== undefined)).toBe(true);
  });

  it("gives a facility the same id in the raw and the geocoded list (not the row number)", async () => {
    const raw = await run(readFileSync(resolve(FIXTURES, "2.csv")), "2.csv");
    const geo = await run(readFileSync(resolve(FIXTURES, "geocoded/2.csv")), "geocoded/2.csv");
    // The geocoded copy lacks the one facility the geocoder could not place.
    const rawIds = new Set(raw.records.locations.map((l) => l.id));
    expect(geo.records.locations).toHaveLength(raw.records.locations.length - 1);
    expect(geo.records.locations.filter((l) => !rawIds.has(l.id))).toEqual([]);
    expect(raw.records.locations[0]?.id).toMatch(/^loc:osh:[0-9a-f]{24}$/);
    expect(raw.records.locations[0]).toMatchObject({
      name: "WENZHOU JIETU(AOLUN) SHOES FACTORY",
      address: { country: "CN" },
      provenance: { source: "2.csv", locator: "line 2" },
    });
  });

  it("ignores case and punctuation differences when deriving the id", async () => {
    const a = await run(utf8('country,name,address\nChina,"Acme Co., Ltd.","No. 5 Road, Wuxi"\n'), "a.csv");
    const b = await run(utf8("name,address,country\nACME CO LTD,no 5 road wuxi,CN\n"), "b.csv");
    expect(a.records.locations[0]?.id).toBe(b.records.locations[0]?.id);
  });

  it("uses the OS ID when given and links a parent company as owner", async () => {
    const csv =
      "country,name,address,parent_company,os_id,number_of_workers,processing_type\n" +
      "CN,Mill A,Road 1,Huafu Group,CN2019303BQ3FZP,1000-5000,spinning\n" +
      "CN,Mill B,Road 2,Huafu Group,,,\n";
    const { records, issues } = await run(utf8(csv), "osh.csv");
    expect(issues).toEqual([]);
    expect(records.locations[0]).toMatchObject({
      id: "loc:os:CN2019303BQ3FZP",
      identifiers: [{ scheme: "osid", value: "CN2019303BQ3FZP" }],
      processingType: "spinning",
      attributes: { number_of_workers: "1000-5000" },
    });
    expect(records.parties).toHaveLength(1);
    expect(records.links.map((l) => [l.kind, l.from, l.to])).toEqual([
      ["owns", records.parties[0]?.id, "loc:os:CN2019303BQ3FZP"],
      ["owns", records.parties[0]?.id, records.locations[1]?.id],
    ]);
  });

  it("reports a row without an address and a bad OS ID, naming line and column", async () => {
    const csv = "country,name,address,os_id\nCN,Mill A,,\nCN,Mill B,Road 2,CN-123\n";
    const { records, issues } = await run(utf8(csv), "osh.csv");
    expect(records.locations).toEqual([]);
    expect(issues.map((i) => [i.provenance.locator, i.path, i.severity])).toEqual([
      ["line 2", "address", "error"],
      ["line 3", "os_id", "error"],
    ]);
  });
});

describe("looksLikeOpenSupplyHubCsv", () => {
  it("recognises list headers and not the facilities template", () => {
    expect(looksLikeOpenSupplyHubCsv("country,name,address,sector\nChina,x,y,z")).toBe(true);
    expect(looksLikeOpenSupplyHubCsv("\ufeffName,Address,Country\r\n")).toBe(true);
    expect(looksLikeOpenSupplyHubCsv("facility_id,name,address,country\n")).toBe(false);
    expect(looksLikeOpenSupplyHubCsv("event_ref,event_type\n")).toBe(false);
  });
});
