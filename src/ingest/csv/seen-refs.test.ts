import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeenRefs } from "./seen-refs.ts";

describe("SeenRefs", () => {
  it("answers like a Map of refs to rows, through growth and updates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.nat({ max: 2 ** 31 })), { maxLength: 400 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }),
        (entries, probes) => {
          const seen = new SeenRefs(4);
          const map = new Map<string, number>();
          for (const [ref, row] of entries) {
            seen.set(ref, row);
            map.set(ref, row);
          }
          expect(seen.size).toBe(map.size);
          for (const ref of [...map.keys(), ...probes]) expect(seen.get(ref)).toBe(map.get(ref));
        },
      ),
    );
  });

  it("tells 200,000 similar refs apart", () => {
    const seen = new SeenRefs();
    for (let i = 0; i < 200_000; i += 2) seen.set(`ev-${i}`, i);
    let wrong = 0;
    for (let i = 0; i < 200_000; i++) if (seen.get(`ev-${i}`) !== (i % 2 === 0 ? i : undefined)) wrong++;
    expect(wrong).toBe(0);
    expect(seen.size).toBe(100_000);
  });
});
