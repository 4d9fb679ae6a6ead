import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { streamBytes } from "../text/index.ts";
import { collectChunks } from "./collect-chunks.ts";
import { importFacilitiesCsv } from "./import-facilities-csv.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (bytes: Uint8Array, chunkSize = 64 * 1024, source = "facilities.csv") =>
  collectChunks(importFacilitiesCsv({ source, bytes: streamBytes(bytes, chunkSize) }));

const HEADER = "facility_id,facility_name,country,party_id,party_name";

describe("importFacilitiesCsv", () => {
  it("reads the template example into locations, parties and an owner link", async () => {
    const { records, issues } = await run(readFileSync(resolve(ROOT, "templates/facilities.csv")));
    expect(issues).toEqual([]);
    expect(records.locations.map((l) => l.id)).toEqual([
      "loc:GIN-TX-01",
      "loc:0614141000012",
      "loc:KNIT-JS-07",
      "loc:DYE-JS-07",
      "loc:CMT-DH-03",
    ]);
    const spin = records.locations[1];
    expect(spin?.identifiers).toContainEqual({ scheme: "gln", value: "0614141000012" });
    expect(spin?.address.country).toBe("VN");
    expect(spin?.address.lines).toEqual(["Lot B4, Road 12, Tan Thuan Export Processing Zone"]);
    expect(spin?.latitude).toBeCloseTo(10.7554);
    expect(spin?.processingType).toBe("spinning");
    expect(spin?.operator).toBe("party:P-SGSPIN");
    // P-JINLUN operates two facilities but is one party; the holding company owns two operators.
    expect(records.parties.map((p) => p.id)).toEqual([
      "party:P-PLAINS",
      "party:P-SGSPIN",
      "party:P-PACHOLD",
      "party:P-JINLUN",
      "party:P-ASHAPP",
    ]);
    const jinlun = records.parties.find((p) => p.id === "party:P-JINLUN");
    expect(jinlun?.aliases).toEqual(["无锡金纶针织有限公司", "Jinlun Knitting"]);
    expect(jinlun?.identifiers).toEqual([{ scheme: "uscc", value: "91320282MA1W4B7N2P" }]);
    expect(records.links).toEqual([
      expect.objectContaining({ kind: "owns", from: "party:P-PACHOLD", to: "party:P-SGSPIN", share: 0.6 }),
      expect.objectContaining({ kind: "owns", from: "party:P-PACHOLD", to: "party:P-ASHAPP", share: 0.25 }),
    ]);
    expect(records.links[0]?.provenance).toEqual({ source: "facilities.csv", locator: "line 3" });
  });

  it("reads the same rows saved by Chinese Excel as GB18030 with CRLF line ends", async () => {
    const bytes = readFileSync(resolve(ROOT, "test/fixtures/csv/facilities-gb18030.csv"));
    // 7-byte chunks split GB18030 characters across chunk boundaries.
    const { records, issues } = await run(bytes, 7);
    expect(issues).toEqual([]);
    expect(records.locations.map((l) => l.name)).toEqual([
      "Wuxi Jinlun Knitting Works",
      "Wuxi Jinlun Dyeing Workshop",
      "阿克苏华孚纺织有限公司",
    ]);
    expect(records.locations[2]?.address).toEqual({
      lines: ["新疆阿克苏地区阿克苏纺织工业城"],
      city: "阿克苏",
      state: "新疆",
      postalCode: "843000",
      country: "CN",
    });
    expect(records.parties.map((p) => p.aliases)).toEqual([
      ["无锡金纶针织有限公司", "Jinlun Knitting"],
      ["华孚色纺"],
    ]);
  });

  it("reads a tab-separated UTF-16 LE export with BOM", async () => {
    const bytes = readFileSync(resolve(ROOT, "test/fixtures/csv/facilities-utf16le.csv"));
    const { records, issues } = await run(bytes, 5);
    expect(issues).toEqual([]);
    expect(records.locations.map((l) => l.address.lines[0])).toEqual([
      "No. 18 Xinhua Road, Huishan District",
      "No. 20 Xinhua Road, Huishan District",
      "新疆阿克苏地区阿克苏纺织工业城",
    ]);
  });

  it("strips a UTF-8 BOM from the first header cell", async () => {
    const bytes = utf8(`\ufeff${HEADER}\nF1,Mill,China,P1,Party One\n`);
    const { records, issues } = await run(bytes);
    expect(issues).toEqual([]);
    expect(records.locations[0]?.id).toBe("loc:F1");
  });

  it("keeps quoted newlines inside a cell and cites the line a record starts on", async () => {
    const csv = `${HEADER},address,latitude\nF1,Mill,CN,P1,"Party ""One""","Building 2\nNo. 5 Road",31.2\nF2,Mill 2,CN,P1,Party One,,north\n`;
    const { records, issues } = await run(utf8(csv), 3);
    expect(records.locations[0]?.address.lines).toEqual(["Building 2, No. 5 Road"]);
    expect(records.parties[0]?.name).toBe('Party "One"');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "latitude",
        provenance: { source: "facilities.csv", locator: "line 4" },
      }),
    ]);
    expect(issues[0]?.message).toContain(
      'expected a number like 1234.5 or 1,234.5 between -90 and 90, got "north"',
    );
  });

  it("reports missing required columns once, on line 1, and reads no rows", async () => {
    const { records, issues } = await run(
      utf8("facility_id,facility_name,country\nF1,Mill,CN\nF2,Mill,CN\n"),
    );
    expect(records.locations).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "template.missing-column", path: "party_id, party_name" });
    expect(issues[0]?.provenance.locator).toBe("line 1");
  });

  it("matches column names case-insensitively and keeps unknown columns as attributes", async () => {
    const csv =
      "Facility ID,FACILITY_NAME,Country,Party_ID,party name,Audit Score\nF1,Mill,viet nam,P1,Party,87\n";
    const { records, issues } = await run(utf8(csv));
    expect(issues).toEqual([]);
    expect(records.locations[0]?.address.country).toBe("VN");
    expect(records.locations[0]?.attributes).toEqual({ audit_score: "87" });
  });

  it("reports a bad USCC, share and unknown country naming the column", async () => {
    const csv = `${HEADER},uscc,owner_party_id,owner_share\nF1,Mill,Atlantis,P1,Party,91320282MA1W4B7N2X,P2,160%\n`;
    const { records, issues } = await run(utf8(csv));
    expect(records.locations).toEqual([]);
    expect(issues.map((i) => [i.path, i.severity])).toEqual([
      ["uscc", "error"],
      ["country", "warning"],
      ["owner_share", "error"],
    ]);
  });

  it("says so when handed an .xls workbook instead of CSV", async () => {
    const bytes = readFileSync("/work/shared/data/facilities/open-supply-hub/facility_lists/12.xls");
    const { issues } = await run(bytes);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain("legacy Excel .xls");
  });
});
