import type { Reach } from "./ancestry.ts";
import { byRank } from "./ancestry.ts";
import type { Composition } from "./compute-composition.ts";
import type { TraceGraph } from "./trace-graph.ts";
import { KIND_ORIGIN } from "./trace-graph.ts";

/** Where a share of the root's mass ends upstream: an origin event, an untraced lot, a cycle. */
export interface Leaf {
  readonly lot: number;
  /** The origin event, or -1 for an untraced lot or a lot on a cycle. */
  readonly event: number;
  readonly bucket: number;
  share: number;
}

/**
 * The same weights `computeComposition` uses, read the other way: the fraction of each weighted
 * source in a group, with the same rules (NaN left out, a lone source takes all, nothing usable
 * means unknown).
 */
interface Group {
  readonly total: number;
  readonly count: number;
}

function groupOf(weight: Float64Array, from: number, to: number): Group {
  let total = 0;
  let count = 0;
  for (let m = from; m < to; m++) {
    const w = weight[m]!;
    if (w >= 0) {
      total += w;
      count++;
    }
  }
  return { total, count };
}

function usable(g: Group): boolean {
  return g.count === 1 || (g.count > 1 && g.total > 0);
}

function fractionOf(g: Group, w: number): number {
  if (!(w >= 0)) return 0;
  if (g.count === 1) return 1;
  return g.total > 0 ? w / g.total : 0;
}

/**
 * Splits the root lot's mass over the leaves of its ancestry, walking nodes in reverse
 * topological order so each node's fraction is complete before it is passed on. The leaf shares
 * add up to 1 and to the root's composition bucket by bucket.
 */
export function upstreamLeaves(graph: TraceGraph, comp: Composition, reach: Reach): Leaf[] {
  const nL = graph.lotIds.length;
  const cycle = new Set(comp.cycleLots);
  const frac = new Map<number, number>([[reach.root, 1]]);
  const leaves = new Map<string, Leaf>();
  const addLeaf = (lot: number, event: number, bucket: number, share: number): void => {
    const key = `${lot}:${event}:${bucket}`;
    const leaf = leaves.get(key);
    if (leaf) leaf.share += share;
    else leaves.set(key, { lot, event, bucket, share });
  };
  const give = (node: number, share: number): void => {
    if (share > 0) frac.set(node, (frac.get(node) ?? 0) + share);
  };
  for (const node of byRank(graph, comp, reach, true)) {
    const f = frac.get(node) ?? 0;
    if (f === 0) continue;
    if (node < nL) splitLot(graph, comp, node, f, cycle.has(node), addLeaf, give);
    else splitEvent(graph, node - nL, f, addLeaf, give);
  }
  return [...leaves.values()];
}

type AddLeaf = (lot: number, event: number, bucket: number, share: number) => void;
type Give = (node: number, share: number) => void;

function splitLot(
  graph: TraceGraph,
  comp: Composition,
  l: number,
  f: number,
  onCycle: boolean,
  addLeaf: AddLeaf,
  give: Give,
): void {
  const from = graph.prodStart[l]!;
  const to = graph.prodStart[l + 1]!;
  const g = groupOf(graph.prodWeight, from, to);
  if (onCycle || from === to || !usable(g)) {
    addLeaf(l, -1, onCycle || from !== to ? 0 : comp.poolBucket[comp.lotOffset[l]!]!, f);
    return;
  }
  const nL = graph.lotIds.length;
  for (let k = from; k < to; k++) {
    const share = f * fractionOf(g, graph.prodWeight[k]!);
    const e = graph.prodEvent[k]!;
    if (graph.eventKind[e] === KIND_ORIGIN) addLeaf(l, e, comp.poolBucket[comp.eventOffset[e]!]!, share);
    else give(nL + e, share);
  }
}

function splitEvent(graph: TraceGraph, e: number, f: number, addLeaf: AddLeaf, give: Give): void {
  const from = graph.inStart[e]!;
  const to = graph.inStart[e + 1]!;
  const g = groupOf(graph.inWeight, from, to);
  if (!usable(g)) {
    // Inputs that cannot be weighed make the event's output unknown (as in the composition).
    addLeaf(graph.outLot[graph.outStart[e]!] ?? -1, e, 0, f);
    return;
  }
  for (let k = from; k < to; k++) give(graph.inLot[k]!, f * fractionOf(g, graph.inWeight[k]!));
}

/**
 * The share of the root lot in each lot downstream of it (recall), walking in topological order.
 */
export function downstreamShares(graph: TraceGraph, comp: Composition, reach: Reach): Map<number, number> {
  const nL = graph.lotIds.length;
  const frac = new Map<number, number>([[reach.root, 1]]);
  const give = (node: number, share: number): void => {
    if (share > 0) frac.set(node, (frac.get(node) ?? 0) + share);
  };
  for (const node of byRank(graph, comp, reach, false)) {
    const f = frac.get(node) ?? 0;
    if (f === 0) continue;
    if (node < nL) {
      for (let k = graph.consStart[node]!; k < graph.consStart[node + 1]!; k++) {
        const e = graph.consEvent[k]!;
        const edge = graph.consEdge[k]!;
        const g = groupOf(graph.inWeight, graph.inStart[e]!, graph.inStart[e + 1]!);
        give(nL + e, f * fractionOf(g, graph.inWeight[edge]!));
      }
      continue;
    }
    const e = node - nL;
    for (let k = graph.outStart[e]!; k < graph.outStart[e + 1]!; k++) {
      const o = graph.outLot[k]!;
      const p = producerIndex(graph, o, e);
      const g = groupOf(graph.prodWeight, graph.prodStart[o]!, graph.prodStart[o + 1]!);
      give(o, f * fractionOf(g, p < 0 ? Number.NaN : graph.prodWeight[p]!));
    }
  }
  return frac;
}

function producerIndex(graph: TraceGraph, lot: number, e: number): number {
  for (let k = graph.prodStart[lot]!; k < graph.prodStart[lot + 1]!; k++)
    if (graph.prodEvent[k] === e) return k;
  return -1;
}
