import { describe, expect, it } from "vitest";
import { gln, gs1CheckDigit } from "./gs1-keys.ts";
import { createPrng, deriveSeed } from "./prng.ts";
import { makeLei, makeUscc, usccCheck } from "./uscc.ts";

describe("gs1CheckDigit", () => {
  it("computes the GS1 mod-10 check digit", () => {
    expect(gs1CheckDigit("400638133393")).toBe("1");
    expect(gln("0614141", "00000")).toBe("0614141000005");
  });
});

describe("makeUscc", () => {
  it("puts the admin code in characters 3–8 and a valid GB 32100 check character last", () => {
    const code = makeUscc("659001", "12345678");
    expect(code).toHaveLength(18);
    expect(code.slice(2, 8)).toBe("659001");
    expect(usccCheck(code.slice(0, 17))).toBe(code[17]);
    expect(usccCheck("91350100M000100Y4")).toBe("3");
  });
});

describe("makeLei", () => {
  it("appends ISO 7064 mod 97-10 check digits", () => {
    expect(makeLei("5493001KJTIIGC8Y1R")).toBe("5493001KJTIIGC8Y1R12");
  });
});

describe("createPrng", () => {
  it("repeats for a seed and differs between derived streams", () => {
    const a = createPrng(deriveSeed(42, 1));
    const b = createPrng(deriveSeed(42, 1));
    const c = createPrng(deriveSeed(42, 2));
    const draws = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(draws);
    expect(c.next()).not.toBe(draws[0]);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
