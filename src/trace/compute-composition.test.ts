import { describe, expect, it } from "vitest";
import type { SupplyEvent } from "../model/index.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import { commission, transform } from "./chain-builder.ts";
import type { Composition } from "./compute-composition.ts";
import { computeComposition } from "./compute-composition.ts";
import { scenarioRegionOf, scenarioStageOf } from "./scenario-geography.ts";
import type { TraceGraph } from "./trace-graph.ts";

function compose(events: readonly SupplyEvent[]): { graph: TraceGraph; comp: Composition } {
  const graph = buildTraceGraph(events);
  return { graph, comp: computeComposition(graph, scenarioRegionOf, { stageOf: scenarioStageOf }) };
}

function mixOf(graph: TraceGraph, comp: Composition, lot: string): Record<string, number> {
  const l = graph.lotIndex.get(`lot:${lot}`);
  if (l === undefined) throw new Error(`no lot ${lot}`);
  const out: Record<string, number> = {};
  for (let p = comp.lotOffset[l]!; p < comp.lotOffset[l]! + comp.lotLength[l]!; p++) {
    const key = comp.buckets[comp.poolBucket[p]!]!.key;
    out[key] = (out[key] ?? 0) + comp.poolShare[p]!;
  }
  return out;
}

function shares(graph: TraceGraph, comp: Composition, lot: string) {
  const l = graph.lotIndex.get(`lot:${lot}`)!;
  return {
    xinjiang: comp.xinjiangShare[l],
    unknown: comp.unknownShare[l],
    expected: comp.expectedXinjiangShare[l],
    worst: comp.worstCaseXinjiangShare[l],
  };
}

const XJ_GIN = "CN-Xinjiang-gin@ginning";
const US_GIN = "US--gin@ginning";
const JS_MILL = "CN-Jiangsu-mill@spinning";

describe("computeComposition", () => {
  it("gives a blend the mass-weighted mix of its inputs (600 kg Xinjiang + 400 kg US lint → 60/40 yarn)", () => {
    const { graph, comp } = compose([
      commission(XJ_GIN, [["xj-lint", 600]]),
      commission(US_GIN, [["us-lint", 400]]),
      transform(
        JS_MILL,
        [
          ["xj-lint", 600],
          ["us-lint", 400],
        ],
        [["yarn", 900]],
      ),
    ]);
    expect(mixOf(graph, comp, "yarn")).toEqual({ "CN/Xinjiang": 0.6, US: 0.4 });
    expect(shares(graph, comp, "yarn")).toEqual({ xinjiang: 0.6, unknown: 0, expected: 0.6, worst: 0.6 });
  });

  it("counts an untraced input as unknown and applies the Chinese prior where it was last seen", () => {
    const { graph, comp } = compose([
      commission(US_GIN, [["us-lint", 750]]),
      transform(
        JS_MILL,
        [
          ["us-lint", 750],
          ["mystery", 250],
        ],
        [["yarn", 900]],
      ),
    ]);
    expect(mixOf(graph, comp, "yarn")).toEqual({ US: 0.75, "unknown@CN/spinning": 0.25 });
    const s = shares(graph, comp, "yarn");
    expect(s.xinjiang).toBe(0);
    expect(s.unknown).toBe(0.25);
    expect(s.expected).toBeCloseTo(0.25 * 0.65, 12);
    expect(s.worst).toBe(0.25);
  });

  it("keeps a lot's mix when part of it goes to each of two transformations", () => {
    const { graph, comp } = compose([
      commission(XJ_GIN, [["xj", 500]]),
      commission(US_GIN, [["us", 500]]),
      transform(
        JS_MILL,
        [
          ["xj", 200],
          ["us", 300],
        ],
        [["blend", 500]],
      ),
      transform(
        JS_MILL,
        [
          ["blend", 100],
          ["us", 100],
        ],
        [["yarn-a", 180]],
      ),
      transform(JS_MILL, [["blend", 400]], [["yarn-b", 360]]),
    ]);
    expect(mixOf(graph, comp, "blend")).toEqual({ "CN/Xinjiang": 0.4, US: 0.6 });
    expect(mixOf(graph, comp, "yarn-b")).toEqual({ "CN/Xinjiang": 0.4, US: 0.6 });
    const a = mixOf(graph, comp, "yarn-a");
    expect(a["CN/Xinjiang"]).toBeCloseTo(0.2, 12);
    expect(a.US).toBeCloseTo(0.8, 12);
  });

  it("averages a lot produced by two events, weighted by each event's output quantity", () => {
    const { graph, comp } = compose([
      commission(XJ_GIN, [["xj", 300]]),
      commission(US_GIN, [["us", 900]]),
      transform(JS_MILL, [["xj", 300]], [["yarn", 270]]),
      transform(JS_MILL, [["us", 900]], [["yarn", 810]]),
    ]);
    const m = mixOf(graph, comp, "yarn");
    expect(m["CN/Xinjiang"]).toBeCloseTo(0.25, 12);
    expect(m.US).toBeCloseTo(0.75, 12);
  });

  it("reports a cycle, marks its lots unknown and still resolves what lies downstream", () => {
    const { graph, comp } = compose([
      commission(US_GIN, [["us", 100]]),
      transform(
        JS_MILL,
        [
          ["us", 100],
          ["b", 100],
        ],
        [["a", 200]],
      ),
      transform(JS_MILL, [["a", 100]], [["b", 100]]),
      transform(
        JS_MILL,
        [
          ["a", 100],
          ["clean", 100],
        ],
        [["after", 200]],
      ),
      commission(US_GIN, [["clean", 100]]),
    ]);
    const cycle = [...comp.cycleLots].map((l) => graph.lotIds[l]).sort();
    expect(cycle).toEqual(["lot:a", "lot:b"]);
    expect(mixOf(graph, comp, "a")).toEqual({ unknown: 1 });
    expect(mixOf(graph, comp, "after")).toEqual({ unknown: 0.5, US: 0.5 });
  });

  it("ignores retracted events, whichever copy comes first", () => {
    const bad = transform(JS_MILL, [["xj", 100]], [["yarn", 90]], { id: "evt:wrong" });
    const { graph, comp } = compose([
      commission(XJ_GIN, [["xj", 100]]),
      commission(US_GIN, [["us", 100]]),
      bad,
      transform(JS_MILL, [["us", 100]], [["yarn", 90]], { id: "evt:fix" }),
      {
        ...bad,
        retracted: true,
        errorDeclaration: { declarationTime: bad.eventTime, correctiveEventIds: ["evt:fix"] },
      },
    ]);
    expect(mixOf(graph, comp, "yarn")).toEqual({ US: 1 });
    expect(graph.stats.retracted).toBe(1);
  });

  it("counts a re-imported event once", () => {
    const events = [
      commission(XJ_GIN, [["xj", 100]]),
      commission(US_GIN, [["us", 100]]),
      transform(
        JS_MILL,
        [
          ["xj", 100],
          ["us", 100],
        ],
        [["yarn", 180]],
      ),
    ];
    const once = compose(events);
    const twice = compose([...events, ...events, events[2]!]);
    expect(twice.graph.stats.duplicates).toBe(4);
    expect(mixOf(twice.graph, twice.comp, "yarn")).toEqual(mixOf(once.graph, once.comp, "yarn"));
    expect(twice.graph.inLot.length).toBe(2);
  });

  it("leaves an input in an unconvertible unit out of the mix and flags the event", () => {
    const { graph, comp } = compose([
      commission(XJ_GIN, [["xj", 100]]),
      commission(US_GIN, [["us", 100]]),
      transform(
        JS_MILL,
        [
          ["us", 100],
          ["xj", 40, "H87"],
        ],
        [["yarn", 130]],
      ),
    ]);
    expect(mixOf(graph, comp, "yarn")).toEqual({ US: 1 });
    expect(graph.eventFlags[2]).toBe(1);
  });

  it("treats an origin at a location without a resolvable region as unknown", () => {
    const { graph, comp } = compose([
      commission("XX--somewhere", [["a", 100]]),
      commission("CN--farm", [["b", 100]]),
    ]);
    expect(mixOf(graph, comp, "a")).toEqual({ unknown: 1 });
    expect(mixOf(graph, comp, "b")).toEqual({ "unknown@CN": 1 });
    expect(shares(graph, comp, "b").expected).toBe(0.65);
  });
});
