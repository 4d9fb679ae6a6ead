import { describe, expect, it } from "vitest";
import { aggregateFlowChart, MAX_NODES_PER_COLUMN } from "./aggregate-flow-chart.ts";
import type { FlowChart, FlowNode, SupplyRole } from "./index.ts";

const node = (id: string, role: SupplyRole, country: string, risky = false): FlowNode => ({
  id,
  name: id,
  role,
  country,
  region: null,
  inputKg: null,
  outputKg: 10,
  onShippedPath: true,
  risky,
  risks: risky ? [{ code: "xinjiang-region", message: "in Xinjiang" }] : [],
});
const edge = (from: string, to: string, lot: string, kg: number) => ({
  from,
  to,
  lot,
  kg,
  share: null,
  onShippedPath: true,
});

describe("aggregateFlowChart", () => {
  const farms = Array.from({ length: 30 }, (_, i) =>
    node(`farm-${i}`, "origin", i % 3 === 0 ? "CN" : "US", i % 3 === 0),
  );
  const chart: FlowChart = {
    nodes: [...farms, node("gin", "gin", "US"), node("importer", "importer", "US")],
    edges: [
      ...farms.flatMap((f) => [edge(f.id, "gin", `${f.id}-a`, 5), edge(f.id, "gin", `${f.id}-b`, 5)]),
      edge("gin", "importer", "lint", 100),
    ],
  };

  it("draws an over-full tier as groups, keeping risky and safe facilities apart", () => {
    const printed = aggregateFlowChart(chart);
    const origins = printed.nodes.filter((n) => n.role === "origin");
    expect(origins.length).toBeLessThanOrEqual(MAX_NODES_PER_COLUMN);
    expect(origins.map((n) => [n.name, n.country, n.risky])).toEqual([
      ["10 origin (farm) facilities", "CN", true],
      ["20 origin (farm) facilities", "US", false],
    ]);
    expect(origins.reduce((s, n) => s + (n.outputKg ?? 0), 0)).toBe(300);
  });

  it("draws one arrow per pair of boxes with the kg added up", () => {
    const printed = aggregateFlowChart(chart);
    expect(printed.edges).toHaveLength(3);
    expect(printed.edges.filter((e) => e.to === "gin").reduce((s, e) => s + e.kg, 0)).toBe(300);
  });

  it("leaves a chart that fits alone, apart from merging parallel arrows", () => {
    const small: FlowChart = { nodes: chart.nodes.slice(-3), edges: [edge("farm-29", "gin", "x", 1)] };
    expect(new Set(aggregateFlowChart(small).nodes)).toEqual(new Set(small.nodes));
  });
});
