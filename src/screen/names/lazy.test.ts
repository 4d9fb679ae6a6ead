import { describe, expect, it } from "vitest";
import { countryCode, normaliseName } from "./index.ts";
import { lazy } from "./lazy.ts";

describe("lazy", () => {
  it("builds once, on first use, and keeps a falsy value", () => {
    let builds = 0;
    const value = lazy(() => {
      builds++;
      return builds > 1 ? 1 : 0;
    });
    expect(builds).toBe(0);
    expect(value()).toBe(0);
    expect(value()).toBe(0);
    expect(builds).toBe(1);
  });

  it("name tables built on first use read names as before, whichever table is reached first", () => {
    // Countries first (their table folds names), then legal forms, regions and the lexicon through a name.
    expect(countryCode("Deutschland")).toBe("de");
    const name = normaliseName("新疆天山毛纺织股份有限公司", { kind: "company" });
    expect(name.legalForms.map((f) => f.generic)).toEqual(["JSC"]);
    expect(name.regions.map((r) => r.code)).toEqual(["65"]);
    expect(name.industries).not.toHaveLength(0);
  });
});
