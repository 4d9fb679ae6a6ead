import { describe, expect, it } from "vitest";
import type { SupplyEvent } from "../model/index.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import { commission, custody, location, transform } from "./chain-builder.ts";
import { computeComposition } from "./compute-composition.ts";
import type { ListedHit } from "./inputs.ts";
import { renderTrace } from "./render-trace.ts";
import { scenarioRegionOf, scenarioStageOf } from "./scenario-geography.ts";
import type { LotRecall, LotTrace } from "./trace-lot.ts";
import { traceLot } from "./trace-lot.ts";

function up(events: readonly SupplyEvent[], lot: string, listed: [string, ListedHit][] = []): LotTrace {
  const graph = buildTraceGraph(events);
  const comp = computeComposition(graph, scenarioRegionOf, { stageOf: scenarioStageOf });
  const listedHits = new Map(listed.map(([loc, hit]) => [location(loc), [hit]]));
  const trace = traceLot(graph, comp, `lot:${lot}`, { listedHits });
  if (trace?.direction !== "up") throw new Error("expected an upward trace");
  return trace;
}

const US_FARM = "US-Texas-farm";
const XJ_GIN = "CN-Xinjiang-gin@ginning";
const SD_GIN = "CN-Shandong-gin@ginning";
const JS_MILL = "CN-Jiangsu-mill@spinning";
const KNITTER = "CN-Zhejiang-knit@knitting-weaving";
const SEWER = "VN-HCM-sew@cut-and-sew";
const DOCS = { documents: ["po", "inv"] };

function listedGinChain(): SupplyEvent[] {
  return [
    commission(US_FARM, [["seed", 1000]], { id: "e:farm" }),
    custody("ship", US_FARM, [["seed", 1000]], DOCS),
    transform(SD_GIN, [["seed", 1000]], [["lint", 400]], { id: "e:gin" }),
    transform(JS_MILL, [["lint", 400]], [["yarn", 360]], { id: "e:spin" }),
    transform(KNITTER, [["yarn", 360]], [["fabric", 350]], { id: "e:knit" }),
  ];
}

describe("traceLot (up)", () => {
  it("finds a listed gin two tiers up and returns the path that proves it", () => {
    const hit: ListedHit = { name: "Shandong Ruyi Gin", listEntry: "UFLPA Entity List (v): Shandong Ruyi" };
    const t = up(listedGinChain(), "fabric", [[SD_GIN, hit]]);
    expect(t.xinjiangShare).toBe(0);
    expect(t.listedEntityInChain).toBe(true);
    expect(t.listedEntities).toHaveLength(1);
    expect(t.listedEntities[0]!.path.map((s) => [s.lot, s.event])).toEqual([
      ["lot:fabric", "e:knit"],
      ["lot:yarn", "e:spin"],
      ["lot:lint", "e:gin"],
    ]);
    expect(t.origins).toMatchObject([
      { lot: "lot:seed", bucket: "US", country: "US", share: 1, traced: true },
    ]);
    expect(t.origins[0]!.path.at(-1)).toMatchObject({
      lot: "lot:seed",
      event: "e:farm",
      location: `loc:${US_FARM}`,
    });
  });

  it("says no listed entity when none handled the goods", () => {
    const t = up(listedGinChain(), "fabric", [["CN-Xinjiang-elsewhere", { name: "X", listEntry: "WRO" }]]);
    expect(t.listedEntityInChain).toBe(false);
    expect(t.listedEntities).toEqual([]);
  });

  it("catches a relabelled lot at a trader whose origin claim the trace contradicts", () => {
    const t = up(
      [
        commission(XJ_GIN, [["xj-lint", 1000]]),
        custody("receive", "HK--trader", [["xj-lint", 1000]], DOCS),
        transform("HK--trader", [["xj-lint", 1000]], [["us-lint", 1000]], { id: "e:relabel", claim: "US" }),
        transform(JS_MILL, [["us-lint", 1000]], [["yarn", 900]]),
      ],
      "yarn",
    );
    expect(t.xinjiangShare).toBe(1);
    const flag = t.flags.find((f) => f.code === "origin-claim-contradicted");
    expect(flag).toMatchObject({ event: "e:relabel", lot: "lot:us-lint" });
    expect(flag?.message).toContain("claims US but 100.0 % is traced to Xinjiang");
  });

  it("accepts a claim the trace supports", () => {
    const t = up([commission(US_FARM, [["lint", 100]], { claim: "US" })], "lint");
    expect(t.flags.filter((f) => f.code === "origin-claim-contradicted")).toEqual([]);
  });

  it("reports an untraced input, counts it unknown and reports the prior used", () => {
    const t = up(
      [
        commission(US_FARM, [["us-lint", 600]]),
        transform(
          JS_MILL,
          [
            ["us-lint", 600],
            ["mystery-lint", 400],
          ],
          [["yarn", 900]],
        ),
      ],
      "yarn",
    );
    expect(t.unknownShare).toBe(0.4);
    expect(t.worstCaseXinjiangShare).toBe(0.4);
    expect(t.expectedXinjiangShare).toBeCloseTo(0.26, 12);
    expect(t.priors).toEqual([
      { bucket: "unknown@CN/spinning", country: "CN", stage: "spinning", prior: 0.65, share: 0.4 },
    ]);
    expect(t.flags).toContainEqual(
      expect.objectContaining({ code: "untraced-input", lot: "lot:mystery-lint" }),
    );
    expect(t.origins.find((o) => o.lot === "lot:mystery-lint")).toMatchObject({ traced: false, share: 0.4 });
  });

  it("gives origin shares that add up to the lot's composition", () => {
    const t = up(
      [
        commission(XJ_GIN, [["xj", 300]]),
        commission(US_FARM, [["us", 700]]),
        transform(
          JS_MILL,
          [
            ["xj", 300],
            ["us", 500],
          ],
          [["y1", 700]],
        ),
        transform(JS_MILL, [["us", 200]], [["y1", 175]]),
        transform(KNITTER, [["y1", 800]], [["fabric", 780]]),
      ],
      "fabric",
    );
    const xj = t.origins.filter((o) => o.xinjiang).reduce((s, o) => s + o.share, 0);
    expect(xj).toBeCloseTo(t.xinjiangShare, 12);
    expect(t.origins.reduce((s, o) => s + o.share, 0)).toBeCloseTo(1, 12);
    // y1 = 700 kg of (300/800 Xinjiang) + 175 kg of pure US: 0.375 × 700 / 875 = 0.3
    expect(t.xinjiangShare).toBeCloseTo(0.3, 12);
  });

  it("flags shipments without a po, invoice or bill of lading", () => {
    const t = up(
      [
        commission(US_FARM, [["lint", 100]]),
        custody("ship", US_FARM, [["lint", 100]], { id: "e:bare" }),
        custody("ship", US_FARM, [["lint", 100]], { id: "e:documented", documents: ["bol"] }),
      ],
      "lint",
    );
    const shipments = t.flags.filter((f) => f.code === "shipment-without-document").map((f) => f.event);
    expect(shipments).toEqual(["e:bare"]);
  });

  it("flags garments whose ancestry jumps from an origin to cut-and-sew", () => {
    const t = up(
      [
        commission(US_FARM, [["lint", 100]]),
        transform(SEWER, [["lint", 100]], [["tees", 90]], { id: "e:sew" }),
      ],
      "tees",
    );
    const flag = t.flags.find((f) => f.code === "missing-tier");
    expect(flag?.event).toBe("e:sew");
    expect(flag?.message).toContain("no spinning and no knitting-weaving");
    const full = up([...listedGinChain(), transform(SEWER, [["fabric", 350]], [["tees", 300]])], "tees");
    expect(full.flags.filter((f) => f.code === "missing-tier")).toEqual([]);
  });

  it("flags locations without a resolvable region", () => {
    const t = up([commission("XX--unknown-farm", [["lint", 100]])], "lint");
    expect(t.flags).toContainEqual(
      expect.objectContaining({ code: "location-without-region", location: "loc:XX--unknown-farm" }),
    );
    expect(t.unknownShare).toBe(1);
  });

  it("reports a cycle on the traced lot's ancestry and terminates", () => {
    const t = up(
      [transform(JS_MILL, [["a", 100]], [["b", 100]]), transform(JS_MILL, [["b", 100]], [["a", 100]])],
      "a",
    );
    expect(t.unknownShare).toBe(1);
    expect(
      t.flags
        .find((f) => f.code === "cycle")
        ?.lots?.slice()
        .sort(),
    ).toEqual(["lot:a", "lot:b"]);
  });

  it("renders a readable summary and the proving paths as a tree", () => {
    const hit: ListedHit = { name: "Shandong Ruyi Gin", listEntry: "UFLPA Entity List (v)" };
    const text = renderTrace(up(listedGinChain(), "fabric", [[SD_GIN, hit]]));
    expect(text).toContain("Lot lot:fabric (350 KGM)");
    expect(text).toContain("Listed entity in chain: YES");
    expect(text).toContain("      lot:lint ← transform e:gin at loc:CN-Shandong-gin@ginning");
    expect(text).toContain("[100.0 % US]");
  });
});

describe("traceLot (down)", () => {
  it("lists where a lot went with its share in each descendant", () => {
    const graph = buildTraceGraph([
      commission(XJ_GIN, [["bale", 500]]),
      commission(US_FARM, [["us", 500]]),
      transform(
        JS_MILL,
        [
          ["bale", 200],
          ["us", 300],
        ],
        [["yarn-a", 450]],
      ),
      transform(JS_MILL, [["bale", 300]], [["yarn-b", 270]]),
      transform(
        KNITTER,
        [
          ["yarn-a", 450],
          ["yarn-b", 270],
        ],
        [["fabric", 700]],
      ),
      custody("ship", KNITTER, [["fabric", 700]], { id: "e:out", ...DOCS }),
    ]);
    const comp = computeComposition(graph, scenarioRegionOf);
    const recall = traceLot(graph, comp, "lot:bale", { direction: "down" }) as LotRecall;
    const shares = Object.fromEntries(recall.descendants.map((d) => [d.lot, d.share]));
    expect(shares["lot:yarn-a"]).toBeCloseTo(0.4, 12);
    expect(shares["lot:yarn-b"]).toBe(1);
    // fabric: 450 × 0.4 + 270 × 1 = 450 of 720 input kg
    expect(shares["lot:fabric"]).toBeCloseTo(450 / 720, 12);
    expect(recall.descendants.find((d) => d.lot === "lot:fabric")?.path.at(-1)?.event).toBe("e:out");
    const fabric = graph.lotIndex.get("lot:fabric")!;
    expect(comp.xinjiangShare[fabric]).toBeCloseTo(450 / 720, 12);
  });

  it("returns undefined for a lot the graph does not know", () => {
    const graph = buildTraceGraph([]);
    expect(traceLot(graph, computeComposition(graph, scenarioRegionOf), "lot:none")).toBeUndefined();
  });
});
