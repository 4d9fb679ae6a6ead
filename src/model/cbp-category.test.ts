import { describe, expect, it } from "vitest";
import { CBP_CATEGORIES, CBP_CATEGORY_LABELS, parseCbpCategory } from "./cbp-category.ts";

describe("parseCbpCategory", () => {
  it("reads every category by its id and by its label", () => {
    for (const c of CBP_CATEGORIES) {
      expect(parseCbpCategory(c)).toBe(c);
      expect(parseCbpCategory(CBP_CATEGORY_LABELS[c])).toBe(c);
    }
  });

  it("reads the aliases people type, whatever the case and punctuation", () => {
    expect(parseCbpCategory("bol")).toBe("bill-of-lading");
    expect(parseCbpCategory("B/L")).toBe("bill-of-lading");
    expect(parseCbpCategory("Air Waybill")).toBe("bill-of-lading");
    expect(parseCbpCategory("commercial invoice")).toBe("commercial-invoice");
    expect(parseCbpCategory("PO")).toBe("purchase-order");
    expect(parseCbpCategory(" bale / lint purchase record ")).toBe("bale-lint-purchase-record");
  });

  it("returns undefined for anything else", () => {
    expect(parseCbpCategory("selfie")).toBeUndefined();
    expect(parseCbpCategory("")).toBeUndefined();
  });
});
