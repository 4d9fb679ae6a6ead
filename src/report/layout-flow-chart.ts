import { compareText } from "./compare-text.ts";
import type { FlowChart, FlowEdge, FlowNode } from "./evidence-package.ts";
import { tierDepths } from "./tier-depth.ts";

export interface PositionedNode {
  readonly node: FlowNode;
  readonly column: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface RoutedEdge {
  readonly edge: FlowEdge;
  /** Start (right side of `from`) and end (left side of `to`), in layout units. */
  readonly start: Point;
  readonly end: Point;
  /**
   * An edge that skips tiers crosses each skipped column through a slot of its own, entering at
   * the column's left side and leaving at its right side at the same height: pairs of points.
   */
  readonly via: readonly Point[];
}

export interface FlowChartLayout {
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly nodes: readonly PositionedNode[];
  readonly edges: readonly RoutedEdge[];
}

export interface FlowChartMetrics {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly columnGap: number;
  readonly rowGap: number;
}

/** Box and gap sizes in PDF points at scale 1; the renderer scales the whole layout to its page. */
export const FLOW_CHART_METRICS: FlowChartMetrics = {
  nodeWidth: 110,
  nodeHeight: 104,
  columnGap: 36,
  rowGap: 16,
};

const SWEEPS = 4;
/** Height of the slot a long edge takes in a column it passes through. */
const PASS_HEIGHT = 14;
const PASS = "\u0000pass:";

interface Passage {
  readonly edge: number;
  readonly slots: readonly string[];
}

/** Slots for edges that skip columns, so the ordering keeps them clear of the boxes. */
function addPassages(
  columns: string[][],
  edges: readonly FlowEdge[],
  depths: ReadonlyMap<string, number>,
): { readonly passages: Passage[]; readonly links: FlowEdge[] } {
  const passages: Passage[] = [];
  const links: FlowEdge[] = [];
  edges.forEach((edge, i) => {
    const from = depths.get(edge.from) ?? 0;
    const to = depths.get(edge.to) ?? 0;
    if (to - from <= 1) {
      links.push(edge);
      return;
    }
    const slots: string[] = [];
    for (let c = from + 1; c < to; c++) {
      const slot = `${PASS}${i}:${c}`;
      columns[c]?.push(slot);
      slots.push(slot);
    }
    const chain = [edge.from, ...slots, edge.to];
    for (let k = 1; k < chain.length; k++)
      links.push({ ...edge, from: chain[k - 1] as string, to: chain[k] as string });
    passages.push({ edge: i, slots });
  });
  return { passages, links };
}

/**
 * Tiers left to right (column = longest path from an origin), rows ordered by a barycentre pass
 * to reduce crossings. Deterministic: ties fall back to the previous order, then the node id.
 */
export function layoutFlowChart(
  chart: FlowChart,
  metrics: FlowChartMetrics = FLOW_CHART_METRICS,
): FlowChartLayout {
  const depths = tierDepths(chart);
  const columnCount = Math.max(0, ...depths.values()) + (chart.nodes.length > 0 ? 1 : 0);
  const columns: string[][] = Array.from({ length: columnCount }, () => []);
  for (const node of [...chart.nodes].sort((a, b) => compareText(a.id, b.id)))
    columns[depths.get(node.id) ?? 0]?.push(node.id);
  const { passages, links } = addPassages(columns, chart.edges, depths);
  orderByBarycentre(columns, links);
  return place(chart, columns, passages, metrics);
}

function orderByBarycentre(columns: string[][], edges: readonly FlowEdge[]): void {
  const rowOf = new Map<string, number>();
  const remember = (): void => {
    for (const column of columns)
      column.forEach((id, row) => {
        rowOf.set(id, row);
      });
  };
  remember();
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  for (const e of edges) {
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
    outOf.set(e.from, [...(outOf.get(e.from) ?? []), e.to]);
  }
  const neighbours = (id: string, forward: boolean): string[] => (forward ? into : outOf).get(id) ?? [];
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const forward = sweep % 2 === 0;
    const order = columns.map((_, i) => i);
    for (const c of forward ? order.slice(1) : order.reverse().slice(1)) {
      const column = columns[c] ?? [];
      const key = (id: string): number => {
        const rows = neighbours(id, forward)
          .map((n) => rowOf.get(n))
          .filter((r): r is number => r !== undefined);
        return rows.length > 0 ? rows.reduce((a, b) => a + b, 0) / rows.length : (rowOf.get(id) ?? 0);
      };
      column.sort(
        (a, b) => key(a) - key(b) || (rowOf.get(a) ?? 0) - (rowOf.get(b) ?? 0) || compareText(a, b),
      );
      column.forEach((id, row) => {
        rowOf.set(id, row);
      });
    }
  }
}

function place(
  chart: FlowChart,
  columns: readonly string[][],
  passages: readonly Passage[],
  metrics: FlowChartMetrics,
): FlowChartLayout {
  const { nodeWidth, nodeHeight, columnGap, rowGap } = metrics;
  const heightOf = (id: string): number => (id.startsWith(PASS) ? PASS_HEIGHT : nodeHeight);
  const columnHeight = (column: readonly string[]): number =>
    column.reduce((sum, id) => sum + heightOf(id), 0) + Math.max(0, column.length - 1) * rowGap;
  const height = Math.max(0, ...columns.map(columnHeight));
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const nodes: PositionedNode[] = [];
  const slotY = new Map<string, number>();
  columns.forEach((column, c) => {
    // Centre short columns so the chart reads as a funnel towards the import.
    let y = (height - columnHeight(column)) / 2;
    const x = c * (nodeWidth + columnGap);
    column.forEach((id, row) => {
      const node = byId.get(id);
      if (node) nodes.push({ node, column: c, row, x, y, width: nodeWidth, height: nodeHeight });
      else slotY.set(id, y + PASS_HEIGHT / 2);
      y += heightOf(id) + rowGap;
    });
  });
  const at = new Map(nodes.map((n) => [n.node.id, n]));
  const viaOf = new Map(
    passages.map((p) => [
      p.edge,
      p.slots.flatMap((slot) => {
        const c = Number(slot.slice(slot.lastIndexOf(":") + 1));
        const y = slotY.get(slot) ?? 0;
        const x = c * (nodeWidth + columnGap);
        return [
          { x, y },
          { x: x + nodeWidth, y },
        ];
      }),
    ]),
  );
  const edges: RoutedEdge[] = chart.edges.flatMap((edge, i) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return [];
    return [
      {
        edge,
        start: { x: from.x + from.width, y: from.y + from.height / 2 },
        end: { x: to.x, y: to.y + to.height / 2 },
        via: viaOf.get(i) ?? [],
      },
    ];
  });
  const width = columns.length > 0 ? columns.length * nodeWidth + (columns.length - 1) * columnGap : 0;
  return { width, height, columns: columns.length, nodes, edges };
}
