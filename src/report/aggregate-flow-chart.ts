import { ROLE_LABELS } from "./cbp-category.ts";
import { compareText } from "./compare-text.ts";
import type { FlowChart, FlowEdge, FlowNode } from "./evidence-package.ts";
import { tierDepths } from "./tier-depth.ts";

/** Boxes per column that fit a landscape page at 80 % scale or more (text no smaller than 5 pt). */
export const MAX_NODES_PER_COLUMN = 4;

/**
 * Coarser and coarser groupings of one tier's facilities: by role, country and region, then by
 * role and country, then by role alone. Risky and safe facilities never share a box.
 */
const GROUPINGS: readonly ((n: FlowNode) => string)[] = [
  (n) => `${n.role}|${n.country}|${n.region ?? ""}|${n.risky}`,
  (n) => `${n.role}|${n.country}|${n.risky}`,
  (n) => `${n.role}|${n.risky}`,
];

function sumOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

function groupNode(key: string, members: readonly FlowNode[]): FlowNode {
  const first = members[0] as FlowNode;
  if (members.length === 1) return first;
  const same = <T>(pick: (n: FlowNode) => T): T | null =>
    members.every((n) => pick(n) === pick(first)) ? pick(first) : null;
  const risks = new Map(members.flatMap((n) => n.risks).map((r) => [r.code, r]));
  return {
    id: `group:${key}`,
    name: `${members.length} ${ROLE_LABELS[first.role].toLowerCase()} facilities`,
    role: first.role,
    country: same((n) => n.country) ?? "several countries",
    region: same((n) => n.region),
    inputKg: sumOrNull(members.map((n) => n.inputKg)),
    outputKg: sumOrNull(members.map((n) => n.outputKg)),
    onShippedPath: members.some((n) => n.onShippedPath),
    risky: first.risky,
    risks: [...risks.values()].map((r) => ({ code: r.code, message: `${r.message} (some of the group)` })),
  };
}

/** The group each facility of an over-full column falls in, at the finest grouping that fits. */
function groupColumn(column: readonly FlowNode[], groupOf: Map<string, FlowNode>): void {
  if (column.length <= MAX_NODES_PER_COLUMN) {
    for (const n of column) groupOf.set(n.id, n);
    return;
  }
  const depth = GROUPINGS.findIndex((key) => new Set(column.map(key)).size <= MAX_NODES_PER_COLUMN);
  const key = GROUPINGS[depth === -1 ? GROUPINGS.length - 1 : depth] as (n: FlowNode) => string;
  const groups = new Map<string, FlowNode[]>();
  for (const n of column) groups.set(key(n), [...(groups.get(key(n)) ?? []), n]);
  for (const [k, members] of groups) {
    const group = groupNode(k, members);
    for (const n of members) groupOf.set(n.id, group);
  }
}

/** Moves between the same two boxes drawn as one arrow: kg and shares added up. */
function mergeEdges(edges: readonly FlowEdge[], boxOf: (id: string) => string | undefined): FlowEdge[] {
  const merged = new Map<string, FlowEdge>();
  for (const e of edges) {
    const from = boxOf(e.from);
    const to = boxOf(e.to);
    if (!from || !to || from === to) continue;
    const key = `${from}\u0000${to}`;
    const before = merged.get(key);
    const lots = before ? `${before.lot}; ${e.lot}` : e.lot;
    merged.set(key, {
      from,
      to,
      lot: before && before.lot.split("; ").length >= 3 ? before.lot : lots,
      kg: (before?.kg ?? 0) + e.kg,
      share: before ? sumOrNull([before.share, e.share]) : e.share,
      onShippedPath: (before?.onShippedPath ?? false) || e.onShippedPath,
    });
  }
  return [...merged.values()].toSorted((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}

/**
 * The chart as printed: one arrow per pair of boxes, and a tier with more facilities than fit
 * drawn as groups (per role, country and region). The package's JSON keeps every facility.
 */
export function aggregateFlowChart(chart: FlowChart): FlowChart {
  const depths = tierDepths(chart);
  const columns = new Map<number, FlowNode[]>();
  for (const n of chart.nodes) {
    const d = depths.get(n.id) ?? 0;
    columns.set(d, [...(columns.get(d) ?? []), n]);
  }
  const groupOf = new Map<string, FlowNode>();
  for (const column of columns.values()) groupColumn(column, groupOf);
  const nodes = [...new Map([...groupOf.values()].map((n) => [n.id, n])).values()];
  return { nodes, edges: mergeEdges(chart.edges, (id) => groupOf.get(id)?.id) };
}
