import { describe, expect, it } from "vitest";
import { normaliseName } from "./normalise-name.ts";

const forms = (raw: string) => normaliseName(raw, { kind: "company" }).legalForms.map((f) => f.generic);
const tokens = (raw: string) => normaliseName(raw, { kind: "company" }).tokens.map((t) => t.text);

describe("legal forms", () => {
  it("removes and records English forms however they are punctuated", () => {
    for (const raw of ["Meike Co., Ltd.", "Meike Co Ltd", "Meike Company Limited", "MEIKE CO. LTD"]) {
      expect(tokens(raw)).toEqual(["meike"]);
      expect(forms(raw)).toEqual(["LLC"]);
    }
  });

  it("removes Chinese forms, longest first", () => {
    expect(forms("华孚时尚股份有限公司")).toEqual(["JSC"]);
    expect(forms("新疆金宝矿业有限责任公司")).toEqual(["LLC"]);
    expect(forms("新疆中泰集团有限公司")).toEqual(["GROUP", "LLC"]);
    expect(forms("滨州中纺银泰实业有限公司分公司")).toContain("BRANCH");
  });

  it("reads pinyin forms", () => {
    expect(forms("Huafu Shishang Gufen Youxian Gongsi")).toEqual(["JSC"]);
    expect(forms("Xinjiang Zhongtai Youxian Gongsi")).toEqual(["LLC"]);
  });

  it("uses rigour's table for other jurisdictions", () => {
    expect(forms("Siemens Aktiengesellschaft")).toEqual(["JSC"]);
    expect(forms("OOO Oboronnye Initsiativy")).toEqual(["LLC"]);
  });

  it("keeps a one-letter initial that a form table would otherwise eat", () => {
    expect(normaliseName("William G", { kind: "person" }).tokens.map((t) => t.text)).toEqual([
      "william",
      "g",
    ]);
  });
});
