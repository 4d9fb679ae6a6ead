import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeFacilitiesCsv, looksLikeMovementsCsv } from "./looks-like-template.ts";
import { normaliseCountry } from "./normalise-country.ts";
import { parseGln, parseLei, parseUscc } from "./parse-identifiers.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const head = (path: string) => readFileSync(resolve(ROOT, path), "utf8").slice(0, 2000);

describe("template sniffers", () => {
  it("recognise each template by its header row and nothing else", () => {
    expect(looksLikeFacilitiesCsv(head("templates/facilities.csv"))).toBe(true);
    expect(looksLikeMovementsCsv(head("templates/facilities.csv"))).toBe(false);
    expect(looksLikeMovementsCsv(head("templates/movements.csv"))).toBe(true);
    expect(looksLikeFacilitiesCsv(head("templates/movements.csv"))).toBe(false);
    expect(looksLikeFacilitiesCsv(head("test/fixtures/osh/2.csv"))).toBe(false);
  });

  it("read ;-separated and quoted, BOM-prefixed headers", () => {
    expect(
      looksLikeFacilitiesCsv('\ufeff"Facility ID";"Facility Name";Country;Party ID;Party Name\r\n'),
    ).toBe(true);
    expect(
      looksLikeMovementsCsv("event_ref\tevent_type\tevent_time\tfacility_id\tlot_id\tquantity\tunit"),
    ).toBe(true);
  });
});

describe("normaliseCountry", () => {
  it("reads codes, English and Chinese names, and refuses what it does not know", () => {
    expect(
      ["China", "CHINA", "CN", "CHN", "P.R. China", "中国", "Mainland China"].map(normaliseCountry),
    ).toEqual(Array(7).fill("CN"));
    expect(["USA", "United States", "U.S.A."].map(normaliseCountry)).toEqual(["US", "US", "US"]);
    expect(["Viet Nam", "UAE", "Slovak Republic", "Türkiye", "UK", "FJ"].map(normaliseCountry)).toEqual([
      "VN",
      "AE",
      "SK",
      "TR",
      "GB",
      "FJ",
    ]);
    expect(normaliseCountry("Atlantis")).toBeUndefined();
    expect(normaliseCountry("XX")).toBeUndefined();
  });
});

describe("identifier parsers", () => {
  it("check the check characters", () => {
    expect(parseUscc("914403001922038216")).toBe("914403001922038216");
    expect(parseUscc("914403001922038217")).toBeUndefined();
    expect(parseLei("5493001KJTIIGC8Y1R12")).toBe("5493001KJTIIGC8Y1R12");
    expect(parseLei("5493001KJTIIGC8Y1R13")).toBeUndefined();
    expect(parseGln("0614141000005")).toBe("0614141000005");
    expect(parseGln("0614141000006")).toBeUndefined();
  });
});
