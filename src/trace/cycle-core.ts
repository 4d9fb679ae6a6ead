import type { GraphStructure } from "./trace-graph.ts";

/**
 * When Kahn's queue runs dry with nodes left, those nodes are on a cycle or downstream of one.
 * Trimming from the sink side (drop unresolved nodes with no unresolved successor) leaves the
 * cycles themselves and whatever lies between them: the core. Returns core nodes (lots
 * `0..lotCount-1`, events after) so the caller can force them to unknown.
 */
export function findCycleCore(graph: GraphStructure, rank: Int32Array): number[] {
  const n = rank.length;
  const outdeg = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    if (rank[v]! >= 0) continue;
    forEachSuccessor(graph, v, (s) => {
      if (rank[s]! < 0) outdeg[v]!++;
    });
    if (outdeg[v] === 0) queue.push(v);
  }
  const trimmed = new Uint8Array(n);
  while (queue.length > 0) {
    const v = queue.pop()!;
    trimmed[v] = 1;
    forEachPredecessor(graph, v, (p) => {
      if (rank[p]! < 0 && !trimmed[p] && --outdeg[p]! === 0) queue.push(p);
    });
  }
  const core: number[] = [];
  for (let v = 0; v < n; v++) if (rank[v]! < 0 && !trimmed[v]) core.push(v);
  return core;
}

function forEachSuccessor(graph: GraphStructure, v: number, f: (node: number) => void): void {
  const nL = graph.lotIds.length;
  if (v < nL) {
    for (let k = graph.consStart[v]!; k < graph.consStart[v + 1]!; k++) f(nL + graph.consEvent[k]!);
  } else {
    const e = v - nL;
    for (let k = graph.outStart[e]!; k < graph.outStart[e + 1]!; k++) f(graph.outLot[k]!);
  }
}

function forEachPredecessor(graph: GraphStructure, v: number, f: (node: number) => void): void {
  const nL = graph.lotIds.length;
  if (v < nL) {
    for (let k = graph.prodStart[v]!; k < graph.prodStart[v + 1]!; k++) f(nL + graph.prodEvent[k]!);
  } else {
    const e = v - nL;
    for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) f(graph.inLot[k]!);
  }
}
