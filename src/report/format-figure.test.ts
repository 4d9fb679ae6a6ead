import { describe, expect, it } from "vitest";
import { formatKg, formatShare } from "./format-figure.ts";

describe("formatShare", () => {
  it("never rounds a non-zero share to zero (no de minimis)", () => {
    expect(formatShare(0)).toBe("0 %");
    expect(formatShare(0.032)).toBe("3.2 %");
    expect(formatShare(0.18)).toBe("18 %");
    expect(formatShare(0.00004)).toBe("0.0040 %");
  });
});

describe("formatKg", () => {
  it("groups thousands the same on every locale", () => {
    expect(formatKg(41600)).toBe("41,600 kg");
    expect(formatKg(1234.56)).toBe("1,234.6 kg");
  });
});
