import { describe, expect, it } from "vitest";
import { nameBenchReport, zhEnReport } from "../../../test/fixtures/names/name-benchmark.ts";

/**
 * Runs both labelled sets (see bench/match.bench.ts) and pins the figures reached, so a change
 * that loses accuracy fails. Raise the floors when the matcher improves.
 */
describe("name-matching accuracy", () => {
  it("beats or equals OpenSanctions logic-v2 on every slice of the name-bench set", () => {
    const { slices } = nameBenchReport(0.7);
    const bySlice = Object.fromEntries(slices.map((s) => [s.slice, s]));
    expect(bySlice.overall?.ours.f1).toBeGreaterThanOrEqual(0.9);
    expect(bySlice["schema=Company"]?.ours.f1).toBeGreaterThanOrEqual(0.93);
    for (const slice of slices)
      expect(slice.ours.f1, slice.slice).toBeGreaterThanOrEqual(slice.logicV2.f1 - 1e-9);
  });

  it("keeps precision on the Chinese ↔ English set and the recall reached", () => {
    const overall = zhEnReport(0.7).slices.find((s) => s.slice === "overall");
    expect(overall?.ours.n).toBeGreaterThanOrEqual(300);
    expect(overall?.ours.precision).toBeGreaterThanOrEqual(0.995);
    expect(overall?.ours.recall).toBeGreaterThanOrEqual(0.98);
  });
});
