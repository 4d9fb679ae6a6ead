import { findCycleCore } from "./cycle-core.ts";
import type { GraphStructure, TopoOrder } from "./trace-graph.ts";
import { KIND_ORIGIN, NODE_EVENT, NODE_FORCED, NODE_ORIGIN, NODE_UNTRACED } from "./trace-graph.ts";

export function topologicalOrder(graph: GraphStructure): TopoOrder {
  const { order, rank, forced, cycleLots } = kahnOrder(graph);
  const nL = graph.lotIds.length;
  const n = order.length;
  const kind = new Uint8Array(n);
  const place = new Int32Array(n).fill(-1);
  const predStart = new Int32Array(n + 1);
  const pred = new Int32Array(graph.prodEvent.length + graph.inLot.length);
  const predWeight = new Float64Array(pred.length);
  let fill = 0;
  for (let i = 0; i < n; i++) {
    const node = order[i]!;
    if (forced[node]) kind[i] = NODE_FORCED;
    else if (node < nL) {
      const from = graph.prodStart[node]!;
      const to = graph.prodStart[node + 1]!;
      if (from === to) {
        kind[i] = NODE_UNTRACED;
        place[i] = lastSeenAt(graph, node);
      }
      for (let k = from; k < to; k++) {
        pred[fill] = rank[nL + graph.prodEvent[k]!]!;
        predWeight[fill++] = graph.prodWeight[k]!;
      }
    } else {
      const e = node - nL;
      place[i] = graph.eventLocation[e]!;
      if (graph.eventKind[e] === KIND_ORIGIN) kind[i] = NODE_ORIGIN;
      else {
        kind[i] = NODE_EVENT;
        for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) {
          pred[fill] = rank[graph.inLot[k]!]!;
          predWeight[fill++] = graph.inWeight[k]!;
        }
      }
    }
    predStart[i + 1] = fill;
  }
  return {
    order,
    rank,
    kind,
    place,
    predStart,
    pred: pred.subarray(0, fill),
    predWeight: predWeight.subarray(0, fill),
    cycleLots,
  };
}

/** An untraced lot's last known location: that of the latest event naming it that has one. */
function lastSeenAt(graph: GraphStructure, l: number): number {
  let best = -1;
  for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++)
    best = later(graph, best, graph.consEvent[k]!);
  for (let k = graph.heldStart[l]!; k < graph.heldStart[l + 1]!; k++)
    best = later(graph, best, graph.heldEvent[k]!);
  return best < 0 ? -1 : graph.eventLocation[best]!;
}

function later(graph: GraphStructure, best: number, e: number): number {
  if (graph.eventLocation[e]! < 0) return best;
  return best < 0 || !(graph.eventTime[e]! < graph.eventTime[best]!) ? e : best;
}

interface Kahn {
  readonly order: Int32Array;
  readonly rank: Int32Array;
  readonly forced: Uint8Array;
  readonly cycleLots: Int32Array;
}

function kahnOrder(graph: GraphStructure): Kahn {
  const nL = graph.lotIds.length;
  const nE = graph.eventIds.length;
  const { prodStart, inStart, consStart, consEvent, outStart, outLot } = graph;
  const indeg = new Int32Array(nL + nE);
  for (let l = 0; l < nL; l++) indeg[l] = prodStart[l + 1]! - prodStart[l]!;
  for (let e = 0; e < nE; e++) indeg[nL + e] = inStart[e + 1]! - inStart[e]!;
  const order = new Int32Array(nL + nE);
  const rank = new Int32Array(nL + nE).fill(-1);
  const forced = new Uint8Array(nL + nE);
  const cycleLots: number[] = [];
  let tail = 0;
  for (let v = 0; v < nL + nE; v++) {
    if (indeg[v] !== 0) continue;
    rank[v] = tail;
    order[tail++] = v;
  }
  let head = 0;
  for (;;) {
    while (head < tail) {
      const v = order[head++]!;
      const lot = v < nL;
      const from = lot ? consStart[v]! : outStart[v - nL]!;
      const to = lot ? consStart[v + 1]! : outStart[v - nL + 1]!;
      for (let k = from; k < to; k++) {
        const s = lot ? nL + consEvent[k]! : outLot[k]!;
        if (--indeg[s]! !== 0 || forced[s]) continue;
        rank[s] = tail;
        order[tail++] = s;
      }
    }
    if (tail === order.length) break;
    const core = findCycleCore(graph, rank);
    if (core.length === 0)
      throw new Error("topological order stalled without a cycle: graph arrays are inconsistent");
    for (const v of core) forced[v] = 1;
    for (const v of core) {
      rank[v] = tail;
      order[tail++] = v;
      if (v < nL) cycleLots.push(v);
    }
  }
  return { order, rank, forced, cycleLots: Int32Array.from(cycleLots) };
}
