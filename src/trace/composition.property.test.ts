import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SupplyEvent } from "../model/index.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import type { Line } from "./chain-builder.ts";
import { commission, transform } from "./chain-builder.ts";
import { computeComposition } from "./compute-composition.ts";
import { scenarioRegionOf } from "./scenario-geography.ts";

const PLACES = ["CN-Xinjiang-a", "CN-Jiangsu-b", "US--c", "XX--d", "CN--e"];

/** A random DAG: origins first, then transformations that only consume lots made earlier. */
const arbitraryChain = fc
  .record({
    origins: fc.array(
      fc.record({ place: fc.nat(PLACES.length - 1), kg: fc.integer({ min: 1, max: 1000 }) }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
    steps: fc.array(
      fc.record({
        inputs: fc.array(fc.record({ pick: fc.nat(), kg: fc.integer({ min: 1, max: 500 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        outputs: fc.integer({ min: 1, max: 2 }),
        reuse: fc.boolean(),
        place: fc.nat(PLACES.length - 1),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ origins, steps }) => {
    const lots: string[] = [];
    const events: SupplyEvent[] = origins.map((o, i) => {
      lots.push(`o${i}`);
      return commission(PLACES[o.place]!, [[`o${i}`, o.kg]], { id: `origin-${i}` });
    });
    steps.forEach((s, i) => {
      const inputs: Line[] = s.inputs.map((x) => [lots[x.pick % lots.length]!, x.kg]);
      const made = Array.from({ length: s.outputs }, (_, j) => `t${i}-${j}`);
      // Sometimes produce an existing lot again: a lot produced by several events.
      if (s.reuse && i > 0) made[0] = `t${i - 1}-0`;
      const outputs: Line[] = made.map((lot, j) => [lot, 100 + j * 37]);
      events.push(transform(PLACES[s.place]!, inputs, outputs, { id: `step-${i}` }));
      for (const lot of made) if (!lots.includes(lot)) lots.push(lot);
    });
    return events;
  });

function mixes(events: readonly SupplyEvent[]): Map<string, Map<string, number>> {
  const graph = buildTraceGraph(events);
  const comp = computeComposition(graph, scenarioRegionOf);
  const out = new Map<string, Map<string, number>>();
  graph.lotIds.forEach((lot, l) => {
    const mix = new Map<string, number>();
    for (let p = comp.lotOffset[l]!; p < comp.lotOffset[l]! + comp.lotLength[l]!; p++) {
      const key = comp.buckets[comp.poolBucket[p]!]!.key;
      mix.set(key, (mix.get(key) ?? 0) + comp.poolShare[p]!);
    }
    out.set(lot, mix);
  });
  return out;
}

function expectSameMixes(a: Map<string, Map<string, number>>, b: Map<string, Map<string, number>>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [lot, mix] of a) {
    const other = b.get(lot)!;
    for (const key of new Set([...mix.keys(), ...other.keys()])) {
      expect(Math.abs((mix.get(key) ?? 0) - (other.get(key) ?? 0))).toBeLessThan(1e-9);
    }
  }
}

function halve(e: SupplyEvent, tag: string): SupplyEvent {
  const half = (q: SupplyEvent["inputs"]) =>
    q.map((line) => ({ ...line, quantity: (line.quantity ?? 0) / 2 }));
  return { ...e, id: `${e.id}${tag}` as SupplyEvent["id"], inputs: half(e.inputs), outputs: half(e.outputs) };
}

describe("computeComposition (properties)", () => {
  it("gives every lot shares that sum to 1", () => {
    fc.assert(
      fc.property(arbitraryChain, (events) => {
        for (const mix of mixes(events).values()) {
          const sum = [...mix.values()].reduce((s, v) => s + v, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it("does not depend on the order of events in the file", () => {
    fc.assert(
      fc.property(arbitraryChain, fc.nat(), (events, seed) => {
        const shuffled = [...events].sort((a, b) => hash(a.id, seed) - hash(b.id, seed));
        expectSameMixes(mixes(events), mixes(shuffled));
      }),
    );
  });

  it("does not change when a producing event is split into two identical halves", () => {
    fc.assert(
      fc.property(arbitraryChain, fc.nat(), (events, pick) => {
        const transforms = events.filter((e) => e.kind === "transform");
        fc.pre(transforms.length > 0);
        const target = transforms[pick % transforms.length]!;
        const split = events.flatMap((e) => (e === target ? [halve(e, "#1"), halve(e, "#2")] : [e]));
        expectSameMixes(mixes(events), mixes(split));
      }),
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  return h;
}
