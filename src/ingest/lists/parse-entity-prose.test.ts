import { describe, expect, it } from "vitest";
import { parseEntityProse, splitProseList } from "./parse-entity-prose.ts";

describe("parseEntityProse", () => {
  it("reads one alias: (and one alias: X)", () => {
    const p = parseEntityProse(
      "Dongguan Oasis Shoes Co., Ltd. (and one alias: Dongguan Luzhou Shoes Co., Ltd.)",
    );
    expect(p.name).toBe("Dongguan Oasis Shoes Co., Ltd.");
    expect(p.aliases).toEqual(["Dongguan Luzhou Shoes Co., Ltd."]);
  });

  it("reads several aliases: (including three aliases: A; B; and C)", () => {
    const p = parseEntityProse(
      "KTK Group (including three aliases: Jiangsu Jinchuang Group; Jiangsu Jinchuang Holding Group; and KTK Holding)",
    );
    expect(p).toMatchObject({
      name: "KTK Group",
      aliases: ["Jiangsu Jinchuang Group", "Jiangsu Jinchuang Holding Group", "KTK Holding"],
    });
  });

  it("reads two aliases joined by '; and'", () => {
    const p = parseEntityProse(
      "Hetian Haolin Hair Accessories Co. Ltd. (and two aliases: Hotan Haolin Hair Accessories; and Hollin Hair Accessories)",
    );
    expect(p.aliases).toEqual(["Hotan Haolin Hair Accessories", "Hollin Hair Accessories"]);
  });

  it("reads formerly known as X as a former name, not an alias", () => {
    const p = parseEntityProse(
      "Henan Yumian Logistics Co., Ltd. (formerly known as 841 Cotton Transfer Warehouse)",
    );
    expect(p).toMatchObject({
      name: "Henan Yumian Logistics Co., Ltd.",
      aliases: [],
      formerNames: ["841 Cotton Transfer Warehouse"],
    });
  });

  it("reads also known as X as an alias", () => {
    const p = parseEntityProse(
      "Sichuan Yuan’an Pharmaceutical Co. Ltd. (also known as Sichuan Yuanan Pharmaceutical Co. Ltd.)",
    );
    expect(p.aliases).toEqual(["Sichuan Yuanan Pharmaceutical Co. Ltd."]);
  });

  it("reads aliases and former names in one parenthetical and in two", () => {
    const one = parseEntityProse(
      "Gansu Yasheng International Trading Co., Ltd. (and one alias: Yasheng International Trade, and formerly known as Gansu Yasheng International Trade Group Co., Ltd.)",
    );
    expect(one.aliases).toEqual(["Yasheng International Trade"]);
    expect(one.formerNames).toEqual(["Gansu Yasheng International Trade Group Co., Ltd."]);
    const two = parseEntityProse(
      "Hongyuan Green Energy Co., Ltd. (including two aliases: HY Solar; and Hoyuan Green Energy Co. Ltd.) (formerly known as Wuxi Shangji CNC Co., Ltd.; and Wuxi Shangji Automation Co., Ltd.)",
    );
    expect(two.aliases).toEqual(["HY Solar", "Hoyuan Green Energy Co. Ltd."]);
    expect(two.formerNames).toEqual(["Wuxi Shangji CNC Co., Ltd.", "Wuxi Shangji Automation Co., Ltd."]);
  });

  it("flags 'and its subordinate and affiliated entities' and keeps an acronym as an alias", () => {
    const p = parseEntityProse(
      "Xinjiang Production and Construction Corps (XPCC) and its subordinate and affiliated entities",
    );
    expect(p).toMatchObject({
      name: "Xinjiang Production and Construction Corps",
      aliases: ["XPCC"],
      includesSubordinates: true,
    });
  });

  it("reads 'and its eight subsidiaries, which include A; B; and C'", () => {
    const p = parseEntityProse(
      "Ninestar Corporation and its eight subsidiaries, which include Zhuhai Ninestar Information Technology Co., Ltd.; Zhuhai Pantum Electronics Co., Ltd.; and Zhuhai Ninestar Management Co., Ltd.",
    );
    expect(p.name).toBe("Ninestar Corporation");
    expect(p.subsidiaries).toEqual([
      "Zhuhai Ninestar Information Technology Co., Ltd.",
      "Zhuhai Pantum Electronics Co., Ltd.",
      "Zhuhai Ninestar Management Co., Ltd.",
    ]);
  });

  it("reads 'and its three subsidiaries: A; B; and C'", () => {
    const p = parseEntityProse("Huafu Fashion Co., Ltd. and its three subsidiaries: A Co.; B Co.; and C Co.");
    expect(p).toMatchObject({ name: "Huafu Fashion Co., Ltd.", subsidiaries: ["A Co.", "B Co.", "C Co."] });
  });

  it("keeps parentheticals that are part of the name", () => {
    expect(parseEntityProse("Hoshine Silicon Industry (Shanshan) Co., Ltd").name).toBe(
      "Hoshine Silicon Industry (Shanshan) Co., Ltd",
    );
    expect(parseEntityProse("Xinjiang Energy (Group) Co., Ltd. (and one alias: Xinjiang Energy)").name).toBe(
      "Xinjiang Energy (Group) Co., Ltd.",
    );
  });
});

describe("splitProseList", () => {
  it("splits on semicolons, drops a leading 'and', keeps commas inside names", () => {
    expect(splitProseList("A Co., Ltd.; B; and C, Inc.")).toEqual(["A Co., Ltd.", "B", "C, Inc."]);
  });
});
