import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText } from "./fold-text.ts";
import { normaliseName } from "./normalise-name.ts";
import { scoreNames } from "./score-names.ts";

const signature = (raw: string) =>
  normaliseName(raw, { kind: "company" })
    .tokens.map((t) => `${t.role}:${t.text}`)
    .sort();

const WORDS = [
  "huafu",
  "meike",
  "textile",
  "cotton",
  "xinjiang",
  "aksu",
  "baotou",
  "silicon",
  "energy",
  "trading",
  "golden",
  "jingweida",
  "apparel",
  "zhongtai",
  "chemical",
  "east",
  "hope",
  "logistics",
];
// Words that are not numerals, legal forms, county names or halves of a dictionary phrase
// ("wool textile"): those are read by position on purpose.
const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.stringMatching(/^[bcdfghk][aeou][lmnrst][aeiou][a-z]{0,4}$/),
);

describe("normaliseName", () => {
  it("folds case, punctuation, accents and Traditional characters", () => {
    expect(foldText("Crédit  Agricole, S.A.")).toBe("credit agricole sa");
    expect(foldText("新疆天山毛紡織有限公司")).toBe("新疆天山毛纺织有限公司");
    expect(foldText("J.P. Morgan & Co.")).toBe("jp morgan and co");
  });

  it("is idempotent: folding twice changes nothing and the folded text reads the same", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const once = foldText(raw);
        expect(foldText(once)).toBe(once);
        expect(signature(once)).toEqual(signature(raw));
      }),
    );
  });

  it("is idempotent on generated company names", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const name = `${words.join(" ")} Co., Ltd.`;
        const first = normaliseName(name, { kind: "company" });
        expect(signature(first.folded)).toEqual(signature(name));
      }),
    );
  });

  it("does not depend on word order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 2, maxLength: 5 }), fc.nat(), (words, seed) => {
        const shuffled = [...words].sort(
          (a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7),
        );
        expect(signature(shuffled.join(" "))).toEqual(signature(words.join(" ")));
        const a = normaliseName(words.join(" "), { kind: "company" });
        const b = normaliseName(shuffled.join(" "), { kind: "company" });
        expect(scoreNames(a, b).score).toBeGreaterThanOrEqual(0.99);
      }),
    );
  });

  it("parses a Chinese company name into region, trade name, industry and legal form", () => {
    const name = normaliseName("新疆天山毛紡織股份有限公司");
    expect(name.script).toBe("han");
    expect(name.regions.map((r) => r.code)).toEqual(["65"]);
    expect(name.tradeName).toBe("天山");
    expect(name.industries).toEqual(["wool textile"]);
    expect(name.legalForms.map((f) => f.generic)).toEqual(["JSC"]);
  });

  it("reads a region in parentheses and a county after its province", () => {
    expect(normaliseName("合盛硅業(鄯善)有限公司").regions.map((r) => r.code)).toEqual(["650421"]);
    expect(normaliseName("新疆哈巴河阿舍勒铜业股份有限公司").tradeName).toBe("阿舍勒");
  });

  it("expands customs abbreviations and finds the region anywhere", () => {
    const name = normaliseName("SICHUAN JINGWEIDA TECH GRP");
    expect(name.tokens.map((t) => t.text)).toEqual(["sichuan", "jingweida", "technology"]);
    expect(name.legalForms.map((f) => f.display)).toEqual(["Group"]);
  });

  it("regroups syllable-by-syllable and run-together pinyin", () => {
    for (const raw of ["Chang Ji Yi Da Fang Zhi You Xian Gong Si", "Changjiyidafangzhiyouxiangongsi"]) {
      const name = normaliseName(raw, { kind: "company" });
      expect(name.tokens.map((t) => `${t.role}:${t.text}`)).toEqual([
        "region:changji",
        "name:yida",
        "industry:textile",
      ]);
      expect(name.legalForms.map((f) => f.generic)).toEqual(["LLC"]);
    }
  });

  it("reads a word that is also an Object property (Constructor Ltd) as a word", () => {
    const name = normaliseName("Constructor Ltd", { kind: "company" });
    expect(name.tokens.map((t) => t.text)).toEqual(["constructor"]);
    expect(name.legalForms.map((f) => f.display)).toEqual(["Ltd"]);
  });

  it("folds words seen before as it folds them the first time, and Traditional phrases as Simplified", () => {
    expect(foldText("Jiangsu Huaxin Textile Co., Ltd.")).toBe("jiangsu huaxin textile co ltd");
    expect(foldText("J.P. Morgan & Co's  (Asia)")).toBe(foldText("J.P. Morgan & Co's  (Asia)"));
    expect(foldText("J.P. Morgan & Co's  (Asia)")).toBe("jp morgan and co ( asia )");
    expect(foldText("保定市綠葉碩子島商貿有限公司")).toBe("保定市绿叶硕子岛商贸有限公司");
    expect(foldText("江苏华鑫纺织有限公司")).toBe("江苏华鑫纺织有限公司");
  });
});
