import { describe, expect, it } from "vitest";
import { taintedShipment } from "../../test/fixtures/report/shipments.ts";
import { buildPackage } from "./build-package.ts";
import type { FlowChart, FlowNode } from "./evidence-package.ts";
import { type FlowChartLayout, layoutFlowChart, type Point } from "./layout-flow-chart.ts";

const node = (id: string): FlowNode => ({
  id,
  name: id,
  role: "trader",
  country: "CN",
  region: null,
  inputKg: null,
  outputKg: null,
  onShippedPath: true,
  risky: false,
  risks: [],
});
const edge = (from: string, to: string) => ({
  from,
  to,
  lot: `${from}>${to}`,
  kg: 1,
  share: null,
  onShippedPath: true,
});

/** Edges whose drawn path (straight between its points) runs through a box that is not one of its ends. */
function edgesThroughBoxes(layout: FlowChartLayout): string[] {
  return layout.edges.flatMap(({ edge, start, via, end }) => {
    const points: Point[] = [start, ...via, end];
    const hits = layout.nodes.filter((n) => {
      if (n.node.id === edge.from || n.node.id === edge.to) return false;
      return points.slice(1).some((b, i) => {
        const a = points[i] as Point;
        for (let t = 0; t <= 1; t += 1 / 64) {
          const x = a.x + (b.x - a.x) * t;
          const y = a.y + (b.y - a.y) * t;
          if (x > n.x && x < n.x + n.width && y > n.y && y < n.y + n.height) return true;
        }
        return false;
      });
    });
    return hits.map((n) => `${edge.from}→${edge.to} crosses ${n.node.id}`);
  });
}

describe("layoutFlowChart", () => {
  it("puts tiers left to right from origins to the import", () => {
    const pkg = buildPackage(taintedShipment(), { generatedAt: "2025-01-01T00:00:00Z" });
    const layout = layoutFlowChart(pkg.flowChart);
    const column = (id: string) => layout.nodes.find((n) => n.node.id === id)?.column;
    expect(column("loc:farm-aksu")).toBe(0);
    expect(column("loc:gin-xj")).toBe(1);
    expect(column("loc:importer-us")).toBe(layout.columns - 1);
    for (const e of layout.edges) expect(e.end.x).toBeGreaterThan(e.start.x);
  });

  it("orders rows by barycentre so parallel chains do not cross", () => {
    // a1→b2 and a2→b1 cross in id order; the barycentre pass untangles them.
    const chart: FlowChart = {
      nodes: ["a1", "a2", "b1", "b2"].map(node),
      edges: [edge("a1", "b2"), edge("a2", "b1")],
    };
    const layout = layoutFlowChart(chart);
    const row = (id: string) => layout.nodes.find((n) => n.node.id === id)?.row;
    expect(row("b2")).toBe(row("a1"));
    expect(row("b1")).toBe(row("a2"));
  });

  it("is deterministic and survives a cycle in bad data", () => {
    const chart: FlowChart = {
      nodes: ["x", "y", "z"].map(node),
      edges: [edge("x", "y"), edge("y", "z"), edge("z", "y")],
    };
    expect(layoutFlowChart(chart)).toEqual(layoutFlowChart(chart));
    expect(layoutFlowChart(chart).nodes).toHaveLength(3);
  });

  it("routes an edge that skips a tier through a slot of its own, never through a box", () => {
    // farm → trader → spinner, and farm → spinner directly: the direct edge skips the trader's column.
    const chart: FlowChart = {
      nodes: ["farm", "trader", "spinner", "gin", "mill"].map(node),
      edges: [
        edge("farm", "trader"),
        edge("trader", "spinner"),
        edge("farm", "spinner"),
        edge("gin", "mill"),
        edge("mill", "spinner"),
      ],
    };
    const layout = layoutFlowChart(chart);
    const direct = layout.edges.find((e) => e.edge.from === "farm" && e.edge.to === "spinner");
    expect(edgesThroughBoxes(layout)).toEqual([]);
    expect(direct?.via).toHaveLength(2);
  });

  it("keeps every edge of the sample packages clear of the boxes", () => {
    const pkg = buildPackage(taintedShipment(), { generatedAt: "2025-01-01T00:00:00Z" });
    expect(edgesThroughBoxes(layoutFlowChart(pkg.flowChart))).toEqual([]);
  });
});
