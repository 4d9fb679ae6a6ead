import { describe, expect, it } from "vitest";
import { resolveRegion } from "./index.ts";

describe("resolveRegion", () => {
  it("gives province and prefecture for a Chinese address in pinyin (Open Supply Hub row)", () => {
    const r = resolveRegion({
      lines: ["NO.8 SHUANGBAO WEST ROAD, OUHAI ECONOMIC DEVELOPM P.C. 325014, WENZHOU, CHINA"],
      country: "CHINA",
    });
    expect(r).toMatchObject({
      country: "CN",
      province: { code: "330000", name: "浙江省" },
      prefecture: { code: "330300", name: "温州市" },
      xinjiang: false,
      xpcc: false,
    });
  });

  it("resolves same-sounding prefectures by the province named (Suzhou, Jiangsu vs Suzhou, Anhui)", () => {
    expect(resolveRegion({ lines: ["Suzhou"], state: "Jiangsu", country: "CN" }).prefecture?.code).toBe(
      "320500",
    );
    expect(resolveRegion({ lines: ["Suzhou"], state: "Anhui", country: "CN" }).prefecture?.code).toBe(
      "341300",
    );
  });

  it("reads Chinese-script addresses in every province", () => {
    expect(resolveRegion({ lines: ["广东省深圳市南山区科技园"] })).toMatchObject({
      country: "CN",
      province: { code: "440000" },
      prefecture: { code: "440300" },
    });
    expect(resolveRegion({ lines: ["內蒙古包頭市"] }).province?.code).toBe("150000");
  });

  it("agrees with locateXinjiang and flags XPCC", () => {
    const r = resolveRegion({ lines: ["Regiment 142"], city: "Shawan", state: "Xinjiang", country: "China" });
    expect(r).toMatchObject({ country: "CN", province: { code: "650000" }, xinjiang: true, xpcc: true });
  });

  it("uses the postal code field", () => {
    const r = resolveRegion({ lines: ["Industrial Park"], postalCode: "844000", country: "CN" });
    expect(r).toMatchObject({ xinjiang: true, prefecture: { code: "653100" } });
  });

  it("gives only the country outside China", () => {
    const r = resolveRegion({ lines: ["Plot 12, Gazipur"], country: "Bangladesh" });
    expect(r).toEqual({ country: "BD", xinjiang: false, xpcc: false, evidence: [] });
    expect(resolveRegion({ lines: ["Aksu"], country: "KZ" }).xinjiang).toBe(false);
  });
});
