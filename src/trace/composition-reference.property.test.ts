import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LocationId, SupplyEvent } from "../model/index.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import type { Line } from "./chain-builder.ts";
import { commission, custody, transform } from "./chain-builder.ts";
import { computeComposition } from "./compute-composition.ts";
import { scenarioRegionOf, scenarioStageOf } from "./scenario-geography.ts";

const PLACES = [
  "CN-Xinjiang-gin@ginning",
  "CN-Jiangsu-mill@spinning",
  "US--gin@ginning",
  "XX--nowhere",
  "CN--mill@spinning",
  "CN--trader",
  "VN--sewer@cut-and-sew",
];

type Mix = Map<string, number>;

interface Producer {
  readonly event: SupplyEvent;
  readonly kg: number;
}

/** Who makes each lot, and where each lot named by a later event was last seen. */
function indexEvents(events: readonly SupplyEvent[]) {
  const producers = new Map<string, Producer[]>();
  const lastSeen = new Map<string, { time: number; place: string }>();
  for (const e of events) {
    const made = e.kind === "origin" ? e.quantities : e.outputs;
    for (const q of made)
      producers.set(q.lot, [...(producers.get(q.lot) ?? []), { event: e, kg: q.quantity! }]);
    const time = Date.parse(e.eventTime);
    for (const q of [...e.inputs, ...(e.kind === "origin" ? [] : e.quantities)]) {
      const seen = lastSeen.get(q.lot);
      if (!seen || !(time < seen.time)) lastSeen.set(q.lot, { time, place: e.bizLocation! });
    }
  }
  return { producers, lastSeen };
}

/**
 * The semantics of docs/tracing.md written the plain way, straight from the events: recursion
 * with a memo, string-keyed maps, no graph, no topological order. The fast engine must agree.
 */
function referenceMixes(events: readonly SupplyEvent[]): Map<string, Mix> {
  const { producers, lastSeen } = indexEvents(events);
  const memo = new Map<string, Mix>();
  const lotMix = (lot: string): Mix => {
    const known = memo.get(lot);
    if (known) return known;
    const made = producers.get(lot);
    const mix = made
      ? blend(made.map((p) => ({ mix: eventMix(p.event), kg: p.kg })))
      : new Map([[unknownKey(lastSeen.get(lot)?.place), 1]]);
    memo.set(lot, mix);
    return mix;
  };
  const eventMix = (e: SupplyEvent): Mix =>
    e.kind === "origin"
      ? new Map([[originKey(e.bizLocation!), 1]])
      : blend(e.inputs.map((q) => ({ mix: lotMix(q.lot), kg: q.quantity! })));
  for (const lot of producers.keys()) lotMix(lot);
  for (const lot of lastSeen.keys()) lotMix(lot);
  return memo;
}

function blend(parts: readonly { mix: Mix; kg: number }[]): Mix {
  const total = parts.reduce((sum, p) => sum + p.kg, 0);
  const out: Mix = new Map();
  for (const { mix, kg } of parts)
    for (const [key, share] of mix) out.set(key, (out.get(key) ?? 0) + (share * kg) / total);
  return out;
}

function originKey(place: string): string {
  const region = scenarioRegionOf(place as LocationId);
  if (region?.xinjiang) return "CN/Xinjiang";
  if (!region?.country) return "unknown";
  if (region.country !== "CN") return region.country;
  return region.region ? `CN/${region.region}` : unknownKey(place);
}

function unknownKey(place: string | undefined): string {
  if (place === undefined) return "unknown";
  const region = scenarioRegionOf(place as LocationId);
  if (!region) return "unknown";
  const stage = scenarioStageOf(place as LocationId);
  return `unknown@${region.country}${stage ? `/${stage}` : ""}`;
}

/** A random DAG: origins, blends of earlier lots (and of lots nothing creates), custody moves. */
const arbitraryDag = fc
  .array(
    fc.record({
      step: fc.constantFrom("origin", "transform", "transform", "ship"),
      place: fc.nat(PLACES.length - 1),
      picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 900 })), { minLength: 1, maxLength: 4 }),
      outputs: fc.integer({ min: 1, max: 2 }),
      reuse: fc.nat(),
      untraced: fc.boolean(),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((steps) => {
    const lots: string[] = [];
    const ancestors = new Map<string, Set<string>>();
    return steps.flatMap((s, i): SupplyEvent[] => {
      const place = PLACES[s.place]!;
      if (s.step === "origin" || lots.length === 0) {
        lots.push(`o${i}`);
        ancestors.set(`o${i}`, new Set());
        return [commission(place, [[`o${i}`, s.picks[0]![1]]], { id: `e${i}` })];
      }
      const inputs: Line[] = s.picks.map(([pick, kg], j) => [
        s.untraced && j === 0 ? `u${pick % 3}` : lots[pick % lots.length]!,
        kg,
      ]);
      if (s.step === "ship") return [custody("ship", place, inputs.slice(0, 1), { id: `e${i}` })];
      const above = new Set(inputs.flatMap(([lot]) => [lot, ...(ancestors.get(lot) ?? [])]));
      // Sometimes make an existing lot again (a lot with several producers), never an ancestor.
      const again = lots[s.reuse % lots.length]!;
      const made = Array.from({ length: s.outputs }, (_, j) =>
        j === 0 && s.reuse % 3 === 0 && !above.has(again) && !again.startsWith("o") ? again : `t${i}-${j}`,
      );
      for (const lot of made) {
        if (!lots.includes(lot)) lots.push(lot);
        ancestors.set(lot, new Set([...(ancestors.get(lot) ?? []), ...above]));
      }
      const outputs: Line[] = made.map((lot, j) => [lot, 100 + j * 37 + (i % 7)]);
      return [transform(place, inputs, outputs, { id: `e${i}` })];
    });
  });

describe("computeComposition against a plain reference", () => {
  it("gives every lot of a random DAG the reference's mix and shares (to 1e-9)", () => {
    fc.assert(
      fc.property(arbitraryDag, (events) => {
        const graph = buildTraceGraph(events);
        const comp = computeComposition(graph, scenarioRegionOf, { stageOf: scenarioStageOf });
        const reference = referenceMixes(events);
        expect(comp.cycleLots.length).toBe(0);
        expect([...graph.lotIds].sort()).toEqual([...reference.keys()].sort());
        graph.lotIds.forEach((lot, l) => {
          const fast: Mix = new Map();
          for (let p = comp.lotOffset[l]!; p < comp.lotOffset[l]! + comp.lotLength[l]!; p++) {
            const key = comp.buckets[comp.poolBucket[p]!]!.key;
            fast.set(key, (fast.get(key) ?? 0) + comp.poolShare[p]!);
          }
          const want = reference.get(lot)!;
          for (const key of new Set([...fast.keys(), ...want.keys()]))
            expect(Math.abs((fast.get(key) ?? 0) - (want.get(key) ?? 0))).toBeLessThan(1e-9);
          const xinjiang = want.get("CN/Xinjiang") ?? 0;
          const unknown = [...want].reduce((s, [k, v]) => (k.startsWith("unknown") ? s + v : s), 0);
          const chinese = [...want].reduce((s, [k, v]) => (k.startsWith("unknown@CN") ? s + v : s), 0);
          expect(comp.xinjiangShare[l]).toBeCloseTo(xinjiang, 9);
          expect(comp.unknownShare[l]).toBeCloseTo(unknown, 9);
          expect(comp.expectedXinjiangShare[l]).toBeCloseTo(xinjiang + 0.65 * chinese, 9);
          expect(comp.worstCaseXinjiangShare[l]).toBeCloseTo(xinjiang + unknown, 9);
        });
      }),
      { numRuns: 300 },
    );
  });
});
