import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isXinjiangUscc, isXpccUscc, parseUscc, usccCheckCharacter, usccRegion } from "./uscc.ts";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

describe("parseUscc", () => {
  it("accepts a code with a valid GB 32100-2015 check character", () => {
    const result = parseUscc("91350100M000100Y43");
    expect(result.ok).toBe(true);
  });

  it("rejects a wrong check character and says which was expected", () => {
    const result = parseUscc("91350100M000100Y44");
    expect(result).toMatchObject({ ok: false, code: "uscc.check" });
  });

  it("rejects the wrong shape as data, not an exception", () => {
    expect(parseUscc("123")).toMatchObject({ ok: false, code: "uscc.shape" });
    expect(parseUscc("91350100M000100YI3")).toMatchObject({ ok: false, code: "uscc.shape" });
  });

  it("detects any single-character change (property)", () => {
    const body = fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{9}$/);
    fc.assert(
      fc.property(
        body,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (org, at, shift) => {
          const first17 = `91650100${org}`;
          const code = first17 + usccCheckCharacter(first17);
          expect(parseUscc(code).ok).toBe(true);
          if (at >= 2 && at <= 7) return; // admin digits must stay digits for the shape check
          const changed = ALPHABET[(ALPHABET.indexOf(code.charAt(at)) + shift) % 31] ?? "0";
          expect(parseUscc(code.slice(0, at) + changed + code.slice(at + 1)).ok).toBe(false);
        },
      ),
    );
  });

  it("reads the registering division: Xinjiang and XPCC cities", () => {
    const make = (admin: string) => {
      const first17 = `91${admin}000000000`;
      const parsed = parseUscc(first17 + usccCheckCharacter(first17));
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(usccRegion(make("653100"))).toBe("653100");
    expect(isXinjiangUscc(make("653100"))).toBe(true);
    expect(isXpccUscc(make("653100"))).toBe(false);
    expect(isXpccUscc(make("659001"))).toBe(true);
    expect(isXinjiangUscc(make("330200"))).toBe(false);
  });
});
