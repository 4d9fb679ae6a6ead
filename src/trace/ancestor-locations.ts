import { reachUp } from "./ancestry.ts";
import type { TraceGraph } from "./trace-graph.ts";

/**
 * Every location where an event that produced part of the lot's ancestry took place (origins,
 * transformations, relabels): the facilities whose records a claim about this lot relies on.
 */
export function ancestorLocations(graph: TraceGraph, lot: string): string[] {
  const root = graph.lotIndex.get(lot);
  if (root === undefined) return [];
  const found = new Set<string>();
  for (const e of reachUp(graph, root).events) {
    const l = graph.eventLocation[e] ?? -1;
    const id = l >= 0 ? graph.locationIds[l] : undefined;
    if (id !== undefined) found.add(id);
  }
  return [...found];
}
