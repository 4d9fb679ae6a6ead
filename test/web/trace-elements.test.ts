import { describe, expect, it } from "vitest";
import type { LotRecall, LotTrace } from "../../web/src/api-types.ts";
import {
  COLUMN_GAP,
  nodeSize,
  shortId,
  toCytoscapeElements,
  traceGraph,
} from "../../web/src/graph/trace-elements.ts";

type Step = LotTrace["origins"][number]["path"][number];
const step = (lot: string, location: string | null, kind: Step["kind"] = "transform"): Step => ({
  lot,
  event: `e:${lot}`,
  kind,
  location,
});

/**
 * fabric (1000 kg) ← yarn ← { lint-xj ← seed-xj (Xinjiang, 30 %), lint-us ← seed-us (US, 50 %) },
 * and fabric ← yarn-b ← (untraced, 20 %). The gin of lint-us is on the list.
 */
const UP: LotTrace = {
  direction: "up",
  lot: "lot:fabric",
  quantity: { value: 1000, unit: "KGM" },
  xinjiangShare: 0.3,
  unknownShare: 0.2,
  expectedXinjiangShare: 0.3,
  worstCaseXinjiangShare: 0.5,
  listedEntityInChain: true,
  listedEntities: [
    {
      name: "Listed Gin",
      listEntry: "uflpa-1",
      location: "loc:gin-us",
      path: [step("lot:fabric", "loc:knit"), step("lot:yarn", "loc:mill"), step("lot:lint-us", "loc:gin-us")],
    },
  ],
  origins: [
    {
      lot: "lot:seed-xj",
      location: "loc:farm-xj",
      country: "CN",
      region: "Xinjiang",
      bucket: "CN-XJ",
      xinjiang: true,
      traced: true,
      share: 0.3,
      path: [
        step("lot:fabric", "loc:knit"),
        step("lot:yarn", "loc:mill"),
        step("lot:lint-xj", "loc:gin-xj"),
        step("lot:seed-xj", "loc:farm-xj", "origin"),
      ],
    },
    {
      lot: "lot:seed-us",
      location: "loc:farm-us",
      country: "US",
      region: null,
      bucket: "US",
      xinjiang: false,
      traced: true,
      share: 0.5,
      path: [
        step("lot:fabric", "loc:knit"),
        step("lot:yarn", "loc:mill"),
        step("lot:lint-us", "loc:gin-us"),
        step("lot:seed-us", "loc:farm-us", "origin"),
      ],
    },
    {
      lot: "lot:yarn-b",
      location: null,
      country: null,
      region: null,
      bucket: "unknown",
      xinjiang: false,
      traced: false,
      share: 0.2,
      path: [step("lot:fabric", "loc:knit"), { lot: "lot:yarn-b", event: null, kind: null, location: null }],
    },
  ],
  priors: [],
  flags: [],
  target: { id: "lot:fabric", kind: "lot", lots: [{ lot: "lot:fabric", kg: 1000 }] },
};

function node(graph: ReturnType<typeof traceGraph>, id: string) {
  const n = graph.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

describe("traceGraph (backward)", () => {
  const graph = traceGraph(UP, new Map([["loc:farm-xj", "Aksu Farm 阿克苏"]]));

  it("puts origins in column 0 and the traced lot in the last column", () => {
    expect(graph.tiers).toBe(4);
    expect(node(graph, "lot:seed-xj").tier).toBe(0);
    expect(node(graph, "lot:seed-us").tier).toBe(0);
    expect(node(graph, "lot:lint-xj").tier).toBe(1);
    expect(node(graph, "lot:yarn").tier).toBe(2);
    expect(node(graph, "lot:fabric").tier).toBe(3);
    expect(node(graph, "lot:fabric").root).toBe(true);
  });

  it("gives each lot the share of the traced lot that flows through it, and its mass", () => {
    expect(node(graph, "lot:yarn").share).toBeCloseTo(0.8);
    expect(node(graph, "lot:yarn").massKg).toBeCloseTo(800);
    expect(node(graph, "lot:seed-xj").massKg).toBeCloseTo(300);
    expect(node(graph, "lot:fabric").share).toBeCloseTo(1);
  });

  it("sizes nodes by mass: bigger share, bigger node, within bounds", () => {
    expect(node(graph, "lot:fabric").size).toBe(nodeSize(1));
    expect(node(graph, "lot:yarn").size).toBeGreaterThan(node(graph, "lot:seed-xj").size);
    expect(node(graph, "lot:seed-xj").size).toBeGreaterThan(node(graph, "lot:yarn-b").size);
    expect(nodeSize(0)).toBe(24);
    expect(nodeSize(1)).toBe(72);
  });

  it("labels edges with the summed share they carry and marks those carrying Xinjiang cotton", () => {
    const edge = (s: string, t: string) => graph.edges.find((e) => e.source === s && e.target === t);
    expect(edge("lot:yarn", "lot:fabric")?.share).toBeCloseTo(0.8);
    expect(edge("lot:yarn", "lot:fabric")?.label).toBe("80 %");
    expect(edge("lot:yarn", "lot:fabric")?.xinjiangShare).toBeCloseTo(0.3);
    expect(edge("lot:seed-us", "lot:lint-us")?.xinjiangShare).toBe(0);
    expect(edge("lot:yarn-b", "lot:fabric")?.label).toBe("20 %");
    expect(graph.edges).toHaveLength(6);
  });

  it("marks Xinjiang origins, listed locations and untraced lots", () => {
    expect(node(graph, "lot:seed-xj").risk).toBe("xinjiang");
    expect(node(graph, "lot:lint-us").risk).toBe("listed");
    expect(node(graph, "lot:yarn-b").risk).toBe("unknown");
    expect(node(graph, "lot:seed-us").risk).toBe("none");
  });

  it("labels nodes with the lot's short id and the facility's name when known", () => {
    expect(node(graph, "lot:seed-xj").label).toBe("Aksu Farm 阿克苏\nseed-xj");
    expect(node(graph, "lot:yarn").label).toBe("mill\nyarn");
    expect(shortId("urn:epc:class:lgtin:4012345.012345.LOT-77")).toBe("4012345.012345.LOT-77");
  });
});

describe("toCytoscapeElements", () => {
  const elements = toCytoscapeElements(traceGraph(UP));

  it("places each tier in its own column, largest share on top", () => {
    const nodes = elements.filter((e) => e.group === "nodes" && e.classes !== "tier-label");
    const x = (id: string) => nodes.find((n) => n.data.id === id)?.position?.x;
    const y = (id: string) => nodes.find((n) => n.data.id === id)?.position?.y ?? Number.NaN;
    expect(x("lot:seed-xj")).toBe(0);
    expect(x("lot:fabric")).toBe(3 * COLUMN_GAP);
    expect(y("lot:lint-us")).toBeLessThan(y("lot:lint-xj"));
    expect(nodes).toHaveLength(7);
  });

  it("titles each column above its nodes: origins, tiers upstream, this lot", () => {
    const titles = elements
      .filter((e) => e.classes === "tier-label")
      .map((e) => [e.position?.x, e.data.label]);
    expect(titles).toEqual([
      [0, "Origins"],
      [COLUMN_GAP, "Tier 2 upstream"],
      [2 * COLUMN_GAP, "Tier 1 upstream"],
      [3 * COLUMN_GAP, "This lot"],
    ]);
  });

  it("carries risk and root as classes for the stylesheet", () => {
    const classes = (id: string) => elements.find((e) => e.data.id === id)?.classes;
    expect(classes("lot:seed-xj")).toBe("risk-xinjiang");
    expect(classes("lot:fabric")).toBe("risk-none root");
    expect(elements.find((e) => e.data.id === "lot:yarn->lot:fabric")?.classes).toBe("carries-xinjiang");
  });
});

describe("traceGraph (forward)", () => {
  const DOWN: LotRecall = {
    direction: "down",
    lot: "lot:bale",
    quantity: { value: 500, unit: "KGM" },
    descendants: [
      {
        lot: "lot:yarn-a",
        share: 0.4,
        quantity: null,
        path: [step("lot:bale", "loc:gin"), step("lot:yarn-a", "loc:mill")],
      },
      {
        lot: "lot:fabric",
        share: 0.6,
        quantity: null,
        path: [step("lot:bale", "loc:gin"), step("lot:yarn-a", "loc:mill"), step("lot:fabric", "loc:knit")],
      },
    ],
    flags: [],
    target: { id: "lot:bale", kind: "lot", lots: [] },
  };
  const graph = traceGraph(DOWN);

  it("puts the traced lot in column 0 and its descendants to the right, with their shares", () => {
    expect(node(graph, "lot:bale").tier).toBe(0);
    expect(node(graph, "lot:yarn-a").tier).toBe(1);
    expect(node(graph, "lot:fabric").tier).toBe(2);
    expect(node(graph, "lot:fabric").share).toBeCloseTo(0.6);
    expect(graph.edges.find((e) => e.source === "lot:yarn-a" && e.target === "lot:fabric")?.label).toBe(
      "60 %",
    );
  });
});
