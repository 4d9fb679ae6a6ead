import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTimestamp, parseInstant } from "./canonical-value.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("canonicalTimestamp", () => {
  it("returns text already in canonical form as parsing and printing it would", () => {
    const canonicalShaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 69 }),
        fc.integer({ min: 0, max: 69 }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([y, mo, d, h, mi, s, ms]) =>
          `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`,
      );
    fc.assert(
      fc.property(canonicalShaped, (text) => {
        const ms = parseInstant(text);
        expect(canonicalTimestamp(text)).toBe(ms === undefined ? text : new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("still canonicalises other forms", () => {
    expect(canonicalTimestamp("2020-03-04T11:00:30+01:00")).toBe("2020-03-04T10:00:30.000Z");
    expect(canonicalTimestamp("not a time")).toBe("not a time");
  });
});
