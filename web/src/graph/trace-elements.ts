import type { LotTrace, TraceResult } from "../api-types.ts";

type PathStep = LotTrace["origins"][number]["path"][number];

import { formatShare } from "../format.ts";

/** How a node is marked: Xinjiang origin, listed entity, untraced, or none of these. */
export type NodeRisk = "xinjiang" | "listed" | "unknown" | "none";

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly location: string | undefined;
  /** Column: 0 holds the origins (up) or the traced lot (down); the traced lot / last descendants sit at the far end. */
  readonly tier: number;
  /** Share of the traced lot that flows through this lot (up), or of this lot's mass from the traced lot (down). */
  readonly share: number;
  /** share × the traced lot's mass, when its mass is known in kilograms. */
  readonly massKg: number | undefined;
  readonly size: number;
  readonly risk: NodeRisk;
  readonly root: boolean;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly share: number;
  readonly xinjiangShare: number;
  readonly label: string;
}

export interface TraceGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly tiers: number;
}

/** Cytoscape's element JSON with a preset position per node (columns left to right). */
export interface CyElement {
  readonly group: "nodes" | "edges";
  readonly data: Record<string, string | number | boolean | undefined>;
  readonly position?: { x: number; y: number };
  readonly classes?: string;
}

const MIN_SIZE = 24;
const MAX_SIZE = 72;
export const COLUMN_GAP = 220;
export const ROW_GAP = 96;

function kilograms(trace: TraceResult): number | undefined {
  const q = trace.quantity;
  if (!q) return undefined;
  if (q.unit === "KGM" || q.unit === "kg") return q.value;
  if (q.unit === "TNE" || q.unit === "t") return q.value * 1000;
  return undefined;
}

/** Node diameter grows with the square root of the share, so area follows mass. */
export function nodeSize(share: number): number {
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, Math.min(1, share))));
}

interface Flow {
  readonly path: readonly PathStep[];
  readonly share: number;
  readonly xinjiang: boolean;
  readonly traced: boolean;
}

function flowsOf(trace: TraceResult): Flow[] {
  if (trace.direction === "down")
    return trace.descendants.map((d) => ({ path: d.path, share: d.share, xinjiang: false, traced: true }));
  return trace.origins.map((o) => ({ path: o.path, share: o.share, xinjiang: o.xinjiang, traced: o.traced }));
}

/** The lots of a path from the traced lot outwards, with the traced lot first even when the path omits it. */
function lotsOf(trace: TraceResult, path: readonly PathStep[]): PathStep[] {
  const steps = [...path];
  if (steps[0]?.lot !== trace.lot) steps.unshift({ lot: trace.lot, event: null, kind: null, location: null });
  return steps;
}

/** Ids are URNs (`urn:epc:class:lgtin:…`, `urn:epc:id:sgln:…`): the graph shows their last segment. */
export function shortId(id: string): string {
  const tail = id.split(/[:/]/).filter(Boolean).at(-1) ?? id;
  return tail.length > 28 ? `${tail.slice(0, 27)}…` : tail;
}

function labelOf(names: ReadonlyMap<string, string>, lot: string, location: string | undefined): string {
  const place = location ? (names.get(location) ?? shortId(location)) : undefined;
  return place ? `${place}\n${shortId(lot)}` : shortId(lot);
}

interface Walk {
  readonly trace: TraceResult;
  readonly down: boolean;
  readonly listed: ReadonlySet<string>;
  readonly share: Map<string, number>;
  readonly location: Map<string, string | undefined>;
  readonly height: Map<string, number>;
  readonly risk: Map<string, NodeRisk>;
  readonly edges: Map<string, { source: string; target: string; share: number; xinjiangShare: number }>;
}

function addStep(w: Walk, flow: Flow, steps: readonly PathStep[], i: number): void {
  const step = steps[i] as PathStep;
  // Up: a lot's column is its longest distance from an origin; down: its distance from the traced lot.
  const column = w.down ? i : steps.length - 1 - i;
  w.height.set(step.lot, Math.max(w.height.get(step.lot) ?? 0, column));
  if (step.location || !w.location.has(step.lot)) w.location.set(step.lot, step.location ?? undefined);
  if (!w.down) w.share.set(step.lot, (w.share.get(step.lot) ?? 0) + flow.share);
  else if (i === steps.length - 1) w.share.set(step.lot, Math.max(w.share.get(step.lot) ?? 0, flow.share));
  if (step.location && w.listed.has(step.location)) w.risk.set(step.lot, "listed");
  const next = steps[i + 1];
  if (next) addEdge(w, flow, w.down ? [step.lot, next.lot] : [next.lot, step.lot]);
}

function addEdge(w: Walk, flow: Flow, [source, target]: readonly [string, string]): void {
  const key = `${source}->${target}`;
  const e = w.edges.get(key) ?? { source, target, share: 0, xinjiangShare: 0 };
  w.edges.set(key, {
    ...e,
    // Up: flows add up along a shared edge; down: each descendant's share is already the whole story.
    share: w.down ? Math.max(e.share, flow.share) : e.share + flow.share,
    xinjiangShare: e.xinjiangShare + (flow.xinjiang ? flow.share : 0),
  });
}

function addFlow(w: Walk, flow: Flow): void {
  const steps = lotsOf(w.trace, flow.path);
  for (let i = 0; i < steps.length; i++) addStep(w, flow, steps, i);
  const last = steps.at(-1);
  if (!last || w.down || w.risk.get(last.lot) === "listed") return;
  if (flow.xinjiang) w.risk.set(last.lot, "xinjiang");
  else if (!flow.traced) w.risk.set(last.lot, "unknown");
}

/**
 * Maps a trace (docs/tracing.md contract) onto graph nodes and edges: one node per lot on any path,
 * one edge per step, edge share = the sum of the shares of the flows that take it. Up: origins in
 * column 0 and the traced lot in the last column; down: the traced lot in column 0.
 */
export function traceGraph(
  trace: TraceResult,
  locationNames: ReadonlyMap<string, string> = new Map(),
): TraceGraph {
  const down = trace.direction === "down";
  const kg = kilograms(trace);
  const w: Walk = {
    trace,
    down,
    listed: new Set(trace.direction === "up" ? trace.listedEntities.map((l) => l.location) : []),
    share: new Map(),
    location: new Map(),
    height: new Map(),
    risk: new Map(),
    edges: new Map(),
  };
  for (const flow of flowsOf(trace)) addFlow(w, flow);
  const { share, location, height, risk, edges } = w;
  if (down) share.set(trace.lot, 1);
  if (!height.has(trace.lot)) height.set(trace.lot, 0);
  if (!share.has(trace.lot)) share.set(trace.lot, 1);

  const tiers = Math.max(0, ...height.values()) + 1;
  const nodes: GraphNode[] = [...height.keys()].map((lot) => {
    const s = Math.min(1, share.get(lot) ?? 0);
    const loc = location.get(lot) ?? undefined;
    return {
      id: lot,
      label: labelOf(locationNames, lot, loc),
      location: loc,
      tier: lot === trace.lot && !down ? tiers - 1 : (height.get(lot) ?? 0),
      share: s,
      massKg: kg === undefined || down ? undefined : s * kg,
      size: nodeSize(s),
      risk: risk.get(lot) ?? "none",
      root: lot === trace.lot,
    };
  });
  const edgeList: GraphEdge[] = [...edges.entries()].map(([id, e]) => ({
    id,
    ...e,
    share: Math.min(1, e.share),
    label: formatShare(Math.min(1, e.share)),
  }));
  return { nodes, edges: edgeList, tiers };
}

/** What a column holds, written above it: origins, the tiers between, the traced lot. */
export function tierTitle(tier: number, tiers: number, down: boolean): string {
  if (down) return tier === 0 ? "This lot" : `${tier} step${tier === 1 ? "" : "s"} on`;
  if (tier === 0) return "Origins";
  if (tier === tiers - 1) return "This lot";
  return `Tier ${tiers - 1 - tier} upstream`;
}

/** Nodes of each column stacked top to bottom by share (largest first), columns centred on y = 0. */
export function toCytoscapeElements(graph: TraceGraph, down = false): CyElement[] {
  const columns = new Map<number, GraphNode[]>();
  for (const n of graph.nodes) columns.set(n.tier, [...(columns.get(n.tier) ?? []), n]);
  const out: CyElement[] = [];
  for (const [tier, nodes] of columns) {
    nodes.sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
    nodes.forEach((n, row) => {
      out.push({
        group: "nodes",
        data: {
          id: n.id,
          label: n.label,
          location: n.location,
          tier: n.tier,
          share: n.share,
          massKg: n.massKg,
          size: n.size,
          risk: n.risk,
          root: n.root,
        },
        position: { x: tier * COLUMN_GAP, y: (row - (nodes.length - 1) / 2) * ROW_GAP },
        classes: [`risk-${n.risk}`, n.root ? "root" : ""].filter(Boolean).join(" "),
      });
    });
  }
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  for (const tier of [...columns.keys()].sort((a, b) => a - b))
    out.push({
      group: "nodes",
      data: { id: `tier:${tier}`, label: tierTitle(tier, graph.tiers, down) },
      position: { x: tier * COLUMN_GAP, y: -((tallest - 1) / 2) * ROW_GAP - 70 },
      classes: "tier-label",
    });
  for (const e of graph.edges)
    out.push({
      group: "edges",
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        share: e.share,
        label: e.label,
        xinjiangShare: e.xinjiangShare,
      },
      classes: e.xinjiangShare > 0 ? "carries-xinjiang" : "",
    });
  return out;
}
