import { describe, expect, it } from "vitest";
import { oshFacilities, verbatimRepeats } from "../../../test/fixtures/osh/osh-facilities.ts";
import { compareAddresses } from "./address-similarity.ts";
import { type FacilityRecord, findDuplicateFacilities } from "./find-duplicate-facilities.ts";

const all = oshFacilities();
const report = findDuplicateFacilities(all);

function facility(id: string, name: string, address: string, country = "CN"): FacilityRecord {
  return { id, name, address, country };
}

describe("compareAddresses", () => {
  it("agrees on one site written two ways and ignores filler words", () => {
    const a = compareAddresses(
      "No. 5 Cengyao Industrial Estate, Yulu, Gongming, Bao'An, Shenzhen",
      "No.5 Cengyao Industrial Estate,Yulu,Gongming,Baoan,Shenzhen",
    );
    expect(a.similarity).toBe(1);
    expect(a.shared).not.toContain("industrial");
    expect(a.numbersDisagree).toBe(false);
  });

  it("sees different house numbers in one district", () => {
    const a = compareAddresses(
      "No. 9, Xingye Road, Xinxu District, Sanxiang Town, Zhongshan",
      "No. 6 Jinwan Road, Xinxu District, Sanxiang Town, Zhongshan",
    );
    expect(a.numbersDisagree).toBe(true);
  });

  it("compares Chinese addresses by character pairs", () => {
    const a = compareAddresses("浙江省温州市瓯海区双堡西路8号", "温州市瓯海区双堡西路8号");
    expect(a.similarity).toBeGreaterThan(0.7);
    expect(compareAddresses("浙江省温州市瓯海区", "新疆阿克苏市").similarity).toBe(0);
  });
});

describe("findDuplicateFacilities", () => {
  it("finds one site listed twice, and tells two sites of one group apart", () => {
    const report = findDuplicateFacilities([
      facility(
        "a",
        "Jung Myung Textile Co. Ltd.",
        "289 Jiefang West Road, Yuewang Industrial Zone, Shaowu City",
      ),
      facility(
        "b",
        "Jung Myung Textile (Shaowu) Co. Ltd.",
        "289 Jiefang West Road,Yuewang Industrial Zone Shaowu",
      ),
      facility(
        "c",
        "ZhongShan Easy On Garment Co. Ltd.",
        "No. 9, Xingye Road, Xinxu District, Sanxiang Town",
      ),
      facility("d", "Zhongshan Easy On Garment Co Ltd", "No. 6 Jinwan Road, Xinxu District, Sanxiang Town"),
      facility("e", "Jeans Knit Private Ltd Unit 3", "Peenya Industrial Area, Bangalore", "IN"),
      facility("f", "Jeans Knit Private Ltd Unit 4", "Peenya Industrial Area, Bangalore", "IN"),
      facility("g", "Jung Myung Textile Co. Ltd.", "289 Jiefang West Road, Shaowu City", "VN"),
    ]);
    const verdict = (x: string, y: string) =>
      report.pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].join())?.verdict;
    expect(verdict("a", "b")).toBe("duplicate");
    expect(verdict("c", "d")).toBe("same-name");
    expect(verdict("e", "f")).toBe("same-name");
    // Same name in another country is another company, not a duplicate.
    expect(verdict("a", "g")).toBeUndefined();
    expect(verdict("b", "g")).toBeUndefined();
    const pairA = report.pairs.find((p) => p.a.id === "a" && p.b.id === "b");
    expect(pairA?.explanations.join(" ")).toMatch(/Names match .*Addresses agree/);
  });

  it("compares each pair once and reports how many it compared", () => {
    const keys = report.pairs.map((p) => `${p.a.id}|${p.b.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.facilities).toBe(all.length);
    expect(report.compared).toBeGreaterThanOrEqual(report.pairs.length);
    // Candidate retrieval is what keeps this linear-ish: far fewer than all n(n-1)/2 pairs.
    expect(report.compared).toBeLessThan((all.length * (all.length - 1)) / 20);
  });

  it("finds every row the Open Supply Hub lists repeat verbatim", () => {
    const repeated = verbatimRepeats(all);
    expect(repeated.length).toBeGreaterThan(0);
    const found = new Set(
      report.pairs.filter((p) => p.verdict === "duplicate").map((p) => `${p.a.id}|${p.b.id}`),
    );
    const missed = repeated.filter(
      ([x, y]) => x && y && !found.has(`${x.id}|${y.id}`) && !found.has(`${y.id}|${x.id}`),
    );
    expect(missed).toEqual([]);
  });
});
