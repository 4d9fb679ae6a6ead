import { describe, expect, it } from "vitest";
import { buildNameIndex, matchName } from "./index.ts";
import { normaliseName } from "./normalise-name.ts";
import { scoreNames } from "./score-names.ts";

const company = (raw: string) => normaliseName(raw, { kind: "company" });

describe("scoreNames", () => {
  it("matches Chinese characters with pinyin and English, and says why", () => {
    const result = scoreNames(company("新疆华孚纺织有限公司"), company("Xinjiang Huafu Textile Group"));
    expect(result.match).toBe(true);
    expect(result.algorithm).toBe("threadproof-names-v1");
    expect(result.explanations).toEqual([
      "Name part 华孚 (huafu) = huafu (pinyin or translation)",
      "Industry 纺织 (textile) = textile (pinyin or translation)",
      "Region agrees (Xinjiang (新疆) / Xinjiang (新疆))",
      "Industry agrees (纺织 (textile) / textile)",
      "Legal form differs (Co Ltd vs Group)",
    ]);
  });

  it("lets Huafu, Hua Fu and HUAFU meet", () => {
    for (const raw of ["Huafu Fashion", "Hua Fu Fashion", "HUAFU FASHION CO LTD"]) {
      expect(scoreNames(company(raw), company("华孚时尚股份有限公司")).match).toBe(true);
    }
  });

  it("rejects the same region and industry with another trade name", () => {
    const result = scoreNames(
      company("Aksu Huaxin Textile Co. Ltd."),
      company("Aksu Huafu Textiles Co., Ltd."),
    );
    expect(result.match).toBe(false);
    expect(result.features.conflicts).toContain("name");
  });

  it("reads a Chinese brand as the Latin name the firm uses (宝钢 Baosteel, 中粮 COFCO)", () => {
    expect(scoreNames(company("宝钢股份有限公司"), company("Baosteel Co., Ltd.")).match).toBe(true);
    expect(scoreNames(company("中粮贸易有限公司"), company("COFCO Trading Co., Ltd.")).match).toBe(true);
    expect(
      scoreNames(company("Zhong Liang Mao Yi You Xian Gong Si"), company("COFCO Trading Co., Ltd.")).match,
    ).toBe(true);
    expect(scoreNames(company("中粮贸易有限公司"), company("Sinograin Trading Co., Ltd.")).match).toBe(false);
  });

  it("reads an industry word in registry pinyin (Mei Dian 煤电)", () => {
    const pinyin = company("He Nan Heng Yuan Mei Dian You Xian Gong Si");
    expect(pinyin.industries).toContain("energy");
    expect(scoreNames(pinyin, company("Henan Hengyuan Coal and Electricity Co., Ltd.")).match).toBe(true);
  });

  it("meets a two-word industry written apart (Construction Hami Engineering)", () => {
    const result = scoreNames(
      company("CONSTRUCTION HAMI ENGINEERING GROUP"),
      company("Hami Construction Engineering (Group) Co., Ltd."),
    );
    expect(result.match).toBe(true);
  });

  it("closes up a translated word and a pinyin chunk (新雅 Xinya)", () => {
    expect(
      scoreNames(company("浙江新雅纺织有限公司"), company("Zhejiang Xinya Textile Co., Ltd.")).match,
    ).toBe(true);
  });

  it("rejects a homophone written in other characters", () => {
    expect(scoreNames(company("华福时尚股份有限公司"), company("华孚时尚股份有限公司")).match).toBe(false);
  });

  it("penalises a different country given with the query", () => {
    const result = scoreNames(company("Huafu Fashion Inc."), company("Huafu Fashion Co., Ltd."), {
      query: { country: "US" },
      candidate: { country: "CN" },
    });
    expect(result.features.country).toBe("differ");
    expect(result.match).toBe(false);
  });

  it("names the given countries when they, not the names, decide the country", () => {
    const differ = scoreNames(company("Huafu Fashion Inc."), company("Huafu Fashion Co., Ltd."), {
      query: { country: "US" },
      candidate: { country: "CN" },
    });
    expect(differ.explanations).toContain("Country differs (US vs CN)");
    const agree = scoreNames(company("Huafu Fashion Co."), company("Huafu Fashion Co., Ltd."), {
      query: { country: "CN" },
      candidate: { country: "CN" },
    });
    expect(agree.explanations).toContain("Country agrees (CN / CN)");
  });

  it("treats an equal USCC as the same entity whatever the names say", () => {
    const uscc = { scheme: "uscc" as const, value: "91350100M000100Y43" };
    const result = scoreNames(company("Foo Trading"), company("Bar Textile"), {
      query: { identifiers: [uscc] },
      candidate: { identifiers: [uscc] },
    });
    expect(result.score).toBe(1);
    expect(result.explanations[0]).toMatch(/Identifier/);
  });

  it("scores people: word order, initials, accents, transliteration", () => {
    const person = (raw: string) => normaliseName(raw, { kind: "person" });
    expect(scoreNames(person("Putin, Vladimir"), person("Vladimir Putin")).score).toBe(1);
    expect(scoreNames(person("J.-C. Juncker"), person("Jean-Claude Juncker")).match).toBe(true);
    expect(scoreNames(person("Francois Hollande"), person("François Hollande")).score).toBe(1);
    expect(scoreNames(person("Ротенберг Аркадий"), person("Arkadii Romanovich Rotenberg")).match).toBe(true);
    expect(scoreNames(person("Andrei Navalny"), person("Alexei Navalny")).match).toBe(false);
  });

  it("takes a configurable threshold", () => {
    const a = company("Meike Silicon");
    const b = company("Meike Solar");
    const loose = scoreNames(a, b, { threshold: 0.1 });
    expect(loose.threshold).toBe(0.1);
    expect(loose.match).toBe(loose.score >= 0.1);
  });
});

describe("matchName", () => {
  const index = buildNameIndex([
    { id: "uflpa:89", names: ["Huafu Fashion Co., Ltd.", "华孚时尚股份有限公司"], kind: "company" },
    {
      id: "uflpa:10",
      names: ["Aksu Huafu Color Spinning Co., Ltd.", "Aksu Huafu Textiles Co., Ltd."],
      kind: "company",
    },
    { id: "uflpa:87", names: ["Baotou Meike Silicon Energy Co., Ltd."], kind: "company" },
    {
      id: "uflpa:9",
      names: ["Xinjiang Production and Construction Corps", "XPCC", "新疆生产建设兵团"],
      kind: "company",
    },
  ]);

  it("ranks the best entity first with explanations", () => {
    const { results } = matchName(index, { name: "MEIKE BAOTOU SILICON ENERGY" });
    expect(results[0]?.entityId).toBe("uflpa:87");
    expect(results[0]?.match).toBe(true);
    expect(results[0]?.explanations.length).toBeGreaterThan(0);
  });

  it("finds a Chinese query through its pinyin", () => {
    const { results } = matchName(index, { name: "阿克苏华孚纺织有限公司" });
    expect(results[0]?.entityId).toBe("uflpa:10");
  });

  it("finds an entity by its acronym", () => {
    expect(matchName(index, { name: "XPCC" }).results[0]?.entityId).toBe("uflpa:9");
  });
});
