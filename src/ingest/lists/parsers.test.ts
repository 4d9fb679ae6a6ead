import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  diffListVersions,
  loadBundledLists,
  parseDhsUflpaHtml,
  parseFtmList,
  parseListCsv,
} from "./index.ts";

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, "../../../test/fixtures/lists", name), "utf8");
const byName = <T extends { name: string }>(xs: readonly T[], name: string) =>
  xs.find((x) => x.name === name);

describe("parseDhsUflpaHtml", () => {
  const { entries, issues } = parseDhsUflpaHtml(fixture("dhs-uflpa-2025-01.html"), "dhs.html");

  it("reads the section from a preceding heading or a caption, and the effective date", () => {
    expect(byName(entries, "Baoding LYSZD Trade and Business Co., Ltd.")).toMatchObject({
      section: "2(d)(2)(B)(i)",
      effectiveDate: "2022-06-21",
      list: "uflpa",
    });
    expect(byName(entries, "Henan Yumian Logistics Co., Ltd.")).toMatchObject({
      section: "2(d)(2)(B)(v)",
      effectiveDate: "2024-05-17",
      formerNames: ["841 Cotton Transfer Warehouse"],
    });
  });

  it("decodes entities and merges an entity listed in two sections", () => {
    expect(byName(entries, "Zhuhai G&G Digital Technology Co., Ltd.")).toBeDefined();
    expect(byName(entries, "Sichuan Yuan’an Pharmaceutical Co. Ltd.")).toBeDefined();
    expect(byName(entries, "Xinjiang Daqo New Energy Co., Ltd.")?.sections).toEqual([
      "2(d)(2)(B)(i)",
      "2(d)(2)(B)(v)",
    ]);
  });

  it("makes named subsidiaries entries of their own with parentId", () => {
    const parent = byName(entries, "Ninestar Corporation");
    expect(parent?.subsidiaries).toHaveLength(8);
    expect(byName(entries, "Zhuhai Pantum Electronics Co., Ltd.")).toMatchObject({
      parentId: parent?.id,
      section: "2(d)(2)(B)(ii)",
    });
  });

  it("reports an unreadable date as a warning and keeps the row", () => {
    expect(issues).toEqual([expect.objectContaining({ code: "uflpa-html/bad-date", severity: "warning" })]);
    expect(byName(entries, "Kingherbs Limited")).toBeDefined();
  });

  it("reports a page without tables as an issue, not an exception", () => {
    expect(parseDhsUflpaHtml("<html><p>nothing</p></html>").issues[0]?.code).toBe("uflpa-html/no-entries");
  });
});

describe("parseFtmList", () => {
  const { entries, issues } = parseFtmList(fixture("us_dhs_uflpa.ftm.jsonl"), "ftm");

  it("reads names, Chinese names, aliases and previous names, with sections from Sanction records", () => {
    expect(byName(entries, "Xinjiang Production and Construction Corps")).toMatchObject({
      id: "uflpa:us-uflpa-xpcc",
      aliases: ["XPCC"],
      chineseNames: ["新疆生产建设兵团"],
      sections: ["2(d)(2)(B)(i)"],
      effectiveDate: "2022-06-21",
    });
    expect(byName(entries, "Tianjin Tianwei Food Co., Ltd.")).toMatchObject({
      formerNames: ["Tianjin Sanhe Fruit and Vegetable Co., Ltd."],
      sections: ["2(d)(2)(B)(v)"],
    });
  });

  it("links subsidiaries through Ownership records", () => {
    expect(byName(entries, "Ninestar Corporation")?.subsidiaries).toEqual([
      "Zhuhai Pantum Electronics Co., Ltd.",
    ]);
    expect(byName(entries, "Zhuhai Pantum Electronics Co., Ltd.")?.parentId).toBe("uflpa:us-uflpa-ninestar");
  });

  it("reports bad lines and nameless entities as issues", () => {
    expect(issues.map((i) => i.code).sort()).toEqual(["ftm-list/bad-json", "ftm-list/no-name"]);
  });
});

describe("parseListCsv", () => {
  it("reads the simple format: aliases, former names marked in the alias cell, Chinese names, dates", () => {
    const { entries, issues } = parseListCsv(fixture("simple-list.csv"), "simple.csv");
    expect(entries).toHaveLength(3);
    expect(byName(entries, "Henan Yumian Logistics Co., Ltd.")).toMatchObject({
      formerNames: ["841 Cotton Transfer Warehouse"],
      section: "2(d)(2)(B)(v)",
      effectiveDate: "2024-05-17",
    });
    expect(byName(entries, "Huafu Fashion Co., Ltd.")).toMatchObject({
      chineseNames: ["华孚时尚股份有限公司"],
      effectiveDate: "2025-01-15",
      subsidiaries: ["Ninghai Huafu Textile Co., Ltd.", "Aksu Huafu Color Spinning Co., Ltd."],
    });
    expect(issues.map((i) => i.code)).toEqual(["list-csv/empty-name"]);
  });
});

describe("loadBundledLists", () => {
  const bundled = loadBundledLists();

  it("says the UFLPA snapshot is partial, with its date and counts per section", () => {
    expect(bundled.snapshot).toMatchObject({
      partial: true,
      asOf: "2025-01-15",
      officialCount: 144,
      entityCount: 91,
    });
    expect(bundled.snapshot.statement).toMatch(/partial/);
    expect(bundled.snapshot.countsBySection["2(d)(2)(B)(iv)"]).toBe(0);
    expect(Object.values(bundled.snapshot.countsBySection).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(
      91,
    );
    expect(bundled.issues).toEqual([]);
  });

  it("carries the WRO rows and region rules", () => {
    const wro = bundled.entries.filter((e) => e.list === "wro");
    // 39 rows; Yunnan Machinery has a WRO and a Finding row, merged into one entry.
    expect(wro.length).toBe(38);
    expect(wro.find((e) => e.name.startsWith("Yunnan Machinery"))?.sections).toEqual(["Finding", "WRO"]);
    expect(wro.find((e) => e.name.startsWith("Xinjiang Junggar"))?.effectiveDate).toBe("2020-09-14");
    expect(bundled.regionRules.map((r) => r.id)).toEqual([
      "wro:xuar-cotton-tomato",
      "wro:xpcc-cotton",
      "wro:turkmenistan-cotton",
    ]);
  });

  it("merges the Chinese names", () => {
    const xpcc = bundled.entries.find((e) => e.name === "Xinjiang Production and Construction Corps");
    expect(xpcc?.chineseNames).toContain("新疆生产建设兵团");
    expect(xpcc?.includesSubordinates).toBe(true);
  });
});

describe("diffListVersions", () => {
  const older = parseDhsUflpaHtml(fixture("dhs-uflpa-2024-10.html")).entries;
  const newer = parseDhsUflpaHtml(fixture("dhs-uflpa-2025-01.html")).entries;
  const d = diffListVersions(older, newer);

  it("finds added entities, including named subsidiaries", () => {
    expect(d.added.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "Huafu Fashion Co., Ltd.",
        "Xinjiang Zijin Zinc Industry Co., Ltd.",
        "Ninghai Huafu Textile Co., Ltd.",
      ]),
    );
  });

  it("finds renames through former names", () => {
    expect(d.renamed.map((r) => [r.from.name, r.to.name])).toEqual([
      ["Aksu Huafu Textiles Co., Ltd.", "Aksu Huafu Color Spinning Co., Ltd."],
      ["Hefei Meiling Co. Ltd.", "Changhong Meiling Co., Ltd."],
    ]);
  });

  it("finds section moves and alias removals", () => {
    expect(d.movedSections.find((m) => m.entry.name.startsWith("Changji Esquel"))).toMatchObject({
      from: ["2(d)(2)(B)(i)"],
      to: ["2(d)(2)(B)(v)"],
    });
    expect(d.aliasesChanged.find((a) => a.entry.name.startsWith("Xinjiang East Hope"))?.removed).toEqual([
      "Xinjiang Nonferrous",
    ]);
  });

  it("finds removals, and nothing between identical versions", () => {
    const dropped = diffListVersions(
      newer,
      newer.filter((e) => e.name !== "KTK Group"),
    );
    expect(dropped.removed.map((e) => e.name)).toEqual(["KTK Group"]);
    const same = diffListVersions(newer, newer);
    expect([same.added, same.removed, same.renamed, same.movedSections, same.aliasesChanged].flat()).toEqual(
      [],
    );
  });
});
