import { describe, expect, it } from "vitest";
import { locateXinjiang } from "./index.ts";

describe("locateXinjiang", () => {
  it.each([
    ["新疆维吾尔自治区喀什地区喀什市", "653101"],
    ["新疆維吾爾自治區和田地區", "653200"],
    ["Ka Shi Shi, Xin Jiang", "653101"],
    ["Kashgar, Xinjiang, China", "653100"],
    ["Ürümqi", "650100"],
    ["Wulumuqi", "650100"],
    ["Khotan", "653200"],
    ["Urumchi, Sinkiang", "650100"],
    ["Yarkand, Kashgar", "653125"],
    ["Hotan City, XUAR", "653201"],
  ])("finds %s in Xinjiang (%s) in every script and spelling", (address, code) => {
    const r = locateXinjiang(address);
    expect(r.xinjiang).toBe(true);
    expect(r.division?.code).toBe(code);
  });

  it("gives the division with its Chinese name, pinyin and English name, and says what matched", () => {
    const r = locateXinjiang("喀什地区");
    expect(r.division).toEqual({ code: "653100", name: "喀什地区", pinyin: "Kashi", english: "Kashgar" });
    expect(r.evidence).toEqual(['"喀什地区" = 喀什地区 (Kashgar) 653100']);
  });

  it("reads postal codes with Chinese context, and not for India", () => {
    expect(locateXinjiang("P.C. 844000, China").evidence).toContain(
      "postal code 844000 (喀什地区 (Kashgar) 653100)",
    );
    expect(locateXinjiang("Ranchi, Jharkhand 834001, India").xinjiang).toBe(false);
    expect(locateXinjiang("Ranchi 834001").xinjiang).toBe(false);
  });

  it("does not take Yunnan's postal range 65xxxx for an admin code, but reads a labelled one", () => {
    expect(locateXinjiang("昆明市五华区 650000").xinjiang).toBe(false);
    expect(locateXinjiang("区划代码 653100").division?.code).toBe("653100");
  });

  it("reads the registering authority out of a valid USCC", () => {
    expect(locateXinjiang("91653100MA775E3B2R").division?.code).toBe("653100");
    expect(locateXinjiang("91653100MA775E3B2B").xinjiang).toBe(false);
  });

  it("flags XPCC markers, divisions and regiments", () => {
    const r = locateXinjiang("新疆生产建设兵团第八师一五零团");
    expect(r).toMatchObject({ xinjiang: true, xpcc: true, division: { code: "652324" } });
    expect(locateXinjiang("Shihezi").xpcc).toBe(true);
    expect(locateXinjiang("150th Regiment, XPCC").xinjiang).toBe(true);
    expect(locateXinjiang("第一师范学院 长沙市").xinjiang).toBe(false);
  });

  it.each([
    ["Altai Krai, Barnaul", "RU"],
    ["Altai Republic, Russia", undefined],
    ["Aksu, Pavlodar Region, Kazakhstan", undefined],
    ["Kashi, Varanasi", "IN"],
    ["Xining, Qinghai, China", undefined],
    ["New Jersey", "US"],
    ["新泽西州", undefined],
    ["Xinjiang County, Yuncheng, Shanxi", "CN"],
    ["上海市静安区乌鲁木齐中路12号", undefined],
    ["88 Kashgar Road, Shanghai", "CN"],
    ["Beitun District, Taichung", "TW"],
    ["Xinxing County, Yunfu, Guangdong", "CN"],
    ["哈密瓜批发市场 上海市", undefined],
    ["Xinjiang Restaurant, Flushing, New York", "US"],
  ])("does not fire on the look-alike %s (%s)", (address, country) => {
    expect(locateXinjiang(address, country).xinjiang).toBe(false);
  });

  it("records a bare ambiguous name as ambiguous instead of firing", () => {
    const r = locateXinjiang("Aksu");
    expect(r.xinjiang).toBe(false);
    expect(r.evidence[0]).toMatch(/ambiguous without Chinese context/);
    expect(locateXinjiang("Aksu", "CN").xinjiang).toBe(true);
    expect(locateXinjiang("Altay, China").division?.code).toBe("654300");
  });

  it("explains a street named after a Xinjiang place", () => {
    expect(locateXinjiang("No. 5 Urumqi Middle Road, Shanghai").evidence[0]).toMatch(/street name/);
  });
});
