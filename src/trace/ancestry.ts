import type { EventKind } from "../model/index.ts";
import type { Composition } from "./compute-composition.ts";
import type { TraceGraph } from "./trace-graph.ts";
import { EVENT_KINDS } from "./trace-graph.ts";

/**
 * The part of the graph a trace looks at, found breadth-first from one lot so that the first
 * route found to any node is a shortest one. `via` keeps, for every node, the node it was reached
 * from: for a lot, the event; for an event, the lot. That is the proving path.
 */
export interface Reach {
  readonly root: number;
  /** Lots in breadth-first order (root first). */
  readonly lots: number[];
  readonly events: number[];
  readonly lotVia: Map<number, number>;
  readonly eventVia: Map<number, number>;
}

export function reachUp(graph: TraceGraph, root: number): Reach {
  const reach: Reach = { root, lots: [root], events: [], lotVia: new Map([[root, -1]]), eventVia: new Map() };
  for (let i = 0; i < reach.lots.length; i++) {
    const l = reach.lots[i]!;
    for (let k = graph.prodStart[l]!; k < graph.prodStart[l + 1]!; k++) {
      const e = graph.prodEvent[k]!;
      if (reach.eventVia.has(e)) continue;
      reach.eventVia.set(e, l);
      reach.events.push(e);
      for (let m = graph.inStart[e]!; m < graph.inStart[e + 1]!; m++) {
        const input = graph.inLot[m]!;
        if (reach.lotVia.has(input)) continue;
        reach.lotVia.set(input, e);
        reach.lots.push(input);
      }
    }
  }
  return reach;
}

export function reachDown(graph: TraceGraph, root: number): Reach {
  const reach: Reach = { root, lots: [root], events: [], lotVia: new Map([[root, -1]]), eventVia: new Map() };
  for (let i = 0; i < reach.lots.length; i++) {
    const l = reach.lots[i]!;
    for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++) {
      const e = graph.consEvent[k]!;
      if (reach.eventVia.has(e)) continue;
      reach.eventVia.set(e, l);
      reach.events.push(e);
      for (let m = graph.outStart[e]!; m < graph.outStart[e + 1]!; m++) {
        const output = graph.outLot[m]!;
        if (reach.lotVia.has(output)) continue;
        reach.lotVia.set(output, e);
        reach.lots.push(output);
      }
    }
  }
  return reach;
}

/** One link of a proving path: a lot and the event that takes the path one step further. */
export interface PathStep {
  readonly lot: string;
  readonly event: string | null;
  readonly kind: EventKind | null;
  readonly location: string | null;
}

/**
 * The path from the root to `lot`, ending with `terminal` (the origin, custody or transformation
 * event that makes the point), or with no event for an untraced lot.
 */
export function pathTo(graph: TraceGraph, reach: Reach, lot: number, terminal: number): PathStep[] {
  const lots: number[] = [lot];
  const events: number[] = [terminal];
  let at = lot;
  for (let guard = 0; at !== reach.root && guard <= reach.lots.length; guard++) {
    const e = reach.lotVia.get(at) ?? -1;
    if (e < 0) break;
    at = reach.eventVia.get(e) ?? reach.root;
    events.push(e);
    lots.push(at);
  }
  lots.reverse();
  events.reverse();
  return lots.map((l, i) => step(graph, l, events[i] ?? terminal));
}

function step(graph: TraceGraph, lot: number, e: number): PathStep {
  if (e < 0) return { lot: graph.lotIds[lot]!, event: null, kind: null, location: null };
  const loc = graph.eventLocation[e]!;
  return {
    lot: graph.lotIds[lot]!,
    event: graph.eventIds[e]!,
    kind: EVENT_KINDS[graph.eventKind[e]!] ?? null,
    location: loc < 0 ? null : graph.locationIds[loc]!,
  };
}

/** Nodes of a reach (lots, then events at `lotCount + e`) sorted by topological rank. */
export function byRank(graph: TraceGraph, comp: Composition, reach: Reach, descending: boolean): number[] {
  const nL = graph.lotIds.length;
  const nodes = [...reach.lots, ...reach.events.map((e) => nL + e)];
  const sign = descending ? -1 : 1;
  return nodes.sort((a, b) => sign * (comp.rank[a]! - comp.rank[b]!));
}
