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

export interface RoutedEdge {
  readonly edge: FlowEdge;
  /** Start (right side of `from`) and end (left side of `to`), in layout units. */
  readonly start: { readonly x: number; readonly y: number };
  readonly end: { readonly x: number; readonly y: number };
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
  orderByBarycentre(columns, chart.edges);
  return place(chart, columns, metrics);
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
  const neighbours = (id: string, forward: boolean): string[] =>
    edges.filter((e) => (forward ? e.to === id : e.from === id)).map((e) => (forward ? e.from : e.to));
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

function place(chart: FlowChart, columns: readonly string[][], metrics: FlowChartMetrics): FlowChartLayout {
  const { nodeWidth, nodeHeight, columnGap, rowGap } = metrics;
  const maxRows = Math.max(0, ...columns.map((c) => c.length));
  const height = maxRows > 0 ? maxRows * nodeHeight + (maxRows - 1) * rowGap : 0;
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const nodes: PositionedNode[] = columns.flatMap((column, c) => {
    // Centre short columns so the chart reads as a funnel towards the import.
    const offset = (height - (column.length * nodeHeight + (column.length - 1) * rowGap)) / 2;
    return column.flatMap((id, row) => {
      const node = byId.get(id);
      if (!node) return [];
      const x = c * (nodeWidth + columnGap);
      const y = offset + row * (nodeHeight + rowGap);
      return [{ node, column: c, row, x, y, width: nodeWidth, height: nodeHeight }];
    });
  });
  const at = new Map(nodes.map((n) => [n.node.id, n]));
  const edges: RoutedEdge[] = chart.edges.flatMap((edge) => {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) return [];
    return [
      {
        edge,
        start: { x: from.x + from.width, y: from.y + from.height / 2 },
        end: { x: to.x, y: to.y + to.height / 2 },
      },
    ];
  });
  const width = columns.length > 0 ? columns.length * nodeWidth + (columns.length - 1) * columnGap : 0;
  return { width, height, columns: columns.length, nodes, edges };
}
