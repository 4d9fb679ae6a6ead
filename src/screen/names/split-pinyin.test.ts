import { describe, expect, it } from "vitest";
import { splitPinyin } from "./split-pinyin.ts";

describe("splitPinyin", () => {
  it("splits run-together pinyin into syllables", () => {
    expect(splitPinyin("huafu")).toEqual(["hua", "fu"]);
    expect(splitPinyin("HUAFU")).toEqual(["hua", "fu"]);
    expect(splitPinyin("jingweida")).toEqual(["jing", "wei", "da"]);
    expect(splitPinyin("wulumuqi")).toEqual(["wu", "lu", "mu", "qi"]);
  });

  it("prefers fewer syllables and consonant-initial ones", () => {
    expect(splitPinyin("xian")).toEqual(["xian"]);
    expect(splitPinyin("fangan")).toEqual(["fan", "gan"]);
  });

  it("accepts ü typed as v", () => {
    expect(splitPinyin("lvzhou")).toEqual(["lv", "zhou"]);
  });

  it("returns null for words that are not pinyin", () => {
    expect(splitPinyin("esquel")).toBeNull();
    expect(splitPinyin("textile")).toBeNull();
    expect(splitPinyin("")).toBeNull();
  });
});
