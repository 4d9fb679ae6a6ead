import { findCycleCore } from "./cycle-core.ts";
import type { GraphStructure, TopoOrder } from "./trace-graph.ts";
import { KIND_ORIGIN, NODE_EVENT, NODE_FORCED, NODE_ORIGIN, NODE_UNTRACED } from "./trace-graph.ts";

export function topologicalOrder(graph: GraphStructure): TopoOrder {
  const { order, rank, forced, cycleLots } = kahnOrder(graph);
  const nL = graph.lotIds.length;
  const n = order.length;
  const rows: PullRows = {
    kind: new Uint8Array(n),
    place: new Int32Array(n).fill(-1),
    predStart: new Int32Array(n + 1),
    pred: new Int32Array(graph.prodEvent.length + graph.inLot.length),
    predWeight: new Float64Array(graph.prodEvent.length + graph.inLot.length),
    fill: 0,
  };
  for (let i = 0; i < n; i++) {
    const node = order[i]!;
    if (forced[node]) rows.kind[i] = NODE_FORCED;
    else if (node < nL) lotRow(graph, rank, rows, i, node);
    else eventRow(graph, rank, rows, i, node - nL);
    rows.predStart[i + 1] = rows.fill;
  }
  return {
    rank,
    order,
    kind: rows.kind,
    place: rows.place,
    predStart: rows.predStart,
    pred: rows.pred.subarray(0, rows.fill),
    predWeight: rows.predWeight.subarray(0, rows.fill),
    cycleLots,
  };
}

interface PullRows {
  readonly kind: Uint8Array;
  readonly place: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predWeight: Float64Array;
  fill: number;
}

/** A lot pulls from the events that produce it; with none it is untraced. */
function lotRow(graph: GraphStructure, rank: Int32Array, rows: PullRows, i: number, l: number): void {
  const nL = graph.lotIds.length;
  const from = graph.prodStart[l]!;
  const to = graph.prodStart[l + 1]!;
  if (from === to) {
    rows.kind[i] = NODE_UNTRACED;
    rows.place[i] = lastSeenAt(graph, l);
  }
  for (let k = from; k < to; k++) {
    rows.pred[rows.fill] = rank[nL + graph.prodEvent[k]!]!;
    rows.predWeight[rows.fill++] = graph.prodWeight[k]!;
  }
}

/** A transformation pulls from its input lots; an origin from nothing. */
function eventRow(graph: GraphStructure, rank: Int32Array, rows: PullRows, i: number, e: number): void {
  rows.place[i] = graph.eventLocation[e]!;
  if (graph.eventKind[e] === KIND_ORIGIN) {
    rows.kind[i] = NODE_ORIGIN;
    return;
  }
  rows.kind[i] = NODE_EVENT;
  for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) {
    rows.pred[rows.fill] = rank[graph.inLot[k]!]!;
    rows.predWeight[rows.fill++] = graph.inWeight[k]!;
  }
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
  const queue: Queue = {
    indeg: new Int32Array(nL + nE),
    order: new Int32Array(nL + nE),
    rank: new Int32Array(nL + nE).fill(-1),
    forced: new Uint8Array(nL + nE),
    tail: 0,
  };
  for (let l = 0; l < nL; l++) queue.indeg[l] = graph.prodStart[l + 1]! - graph.prodStart[l]!;
  for (let e = 0; e < nE; e++) queue.indeg[nL + e] = graph.inStart[e + 1]! - graph.inStart[e]!;
  for (let v = 0; v < nL + nE; v++) if (queue.indeg[v] === 0) enqueue(queue, v);
  const cycleLots: number[] = [];
  for (let head = 0; ; ) {
    head = drain(graph, queue, head);
    if (queue.tail === queue.order.length) break;
    cycleLots.push(...forceCycleCore(graph, queue));
  }
  return {
    order: queue.order,
    rank: queue.rank,
    forced: queue.forced,
    cycleLots: Int32Array.from(cycleLots),
  };
}

interface Queue {
  readonly indeg: Int32Array;
  readonly order: Int32Array;
  readonly rank: Int32Array;
  readonly forced: Uint8Array;
  tail: number;
}

function enqueue(queue: Queue, v: number): void {
  queue.rank[v] = queue.tail;
  queue.order[queue.tail++] = v;
}

/** Queues the cycle core as forced nodes; returns its lots. */
function forceCycleCore(graph: GraphStructure, queue: Queue): number[] {
  const core = findCycleCore(graph, queue.rank);
  if (core.length === 0)
    throw new Error("topological order stalled without a cycle: graph arrays are inconsistent");
  for (const v of core) queue.forced[v] = 1;
  for (const v of core) enqueue(queue, v);
  return core.filter((v) => v < graph.lotIds.length);
}

/** Visits the queue from `head` to its end, releasing successors; returns the new head. */
function drain(graph: GraphStructure, queue: Queue, head: number): number {
  const nL = graph.lotIds.length;
  const { consStart, consEvent, outStart, outLot } = graph;
  const { indeg, order, forced } = queue;
  let at = head;
  while (at < queue.tail) {
    const v = order[at++]!;
    const lot = v < nL;
    const from = lot ? consStart[v]! : outStart[v - nL]!;
    const to = lot ? consStart[v + 1]! : outStart[v - nL + 1]!;
    for (let k = from; k < to; k++) {
      const s = lot ? nL + consEvent[k]! : outLot[k]!;
      if (--indeg[s]! === 0 && !forced[s]) enqueue(queue, s);
    }
  }
  return at;
}
