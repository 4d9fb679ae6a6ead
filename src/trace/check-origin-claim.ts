import type { Composition } from "./compute-composition.ts";
import type { TraceGraph } from "./trace-graph.ts";

export function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.001 ? 4 : 1)} %`;
}

/**
 * An ILMD `cbvmda:countryOfOrigin` on event `e` is a claim about its outputs, never an input to
 * the composition. It is contradicted when the traced mix of the event's output holds any known
 * origin in another country, or any Xinjiang share under a claim other than CN. Returns the
 * reason, or undefined when there is no claim or it holds.
 */
export function checkOriginClaim(graph: TraceGraph, comp: Composition, e: number): string | undefined {
  const c = graph.eventClaim[e]!;
  if (c < 0) return undefined;
  const claim = graph.claims[c]!;
  let xinjiang = 0;
  const elsewhere = new Map<string, number>();
  const start = comp.eventOffset[e]!;
  for (let p = start; p < start + comp.eventLength[e]!; p++) {
    const bucket = comp.buckets[comp.poolBucket[p]!]!;
    const share = comp.poolShare[p]!;
    if (bucket.xinjiang) xinjiang += share;
    if (bucket.known && bucket.country !== claim && share > 0)
      elsewhere.set(bucket.key, (elsewhere.get(bucket.key) ?? 0) + share);
  }
  if (claim !== "CN" && xinjiang > 0) return `claims ${claim} but ${percent(xinjiang)} is traced to Xinjiang`;
  if (elsewhere.size === 0) return undefined;
  const listed = [...elsewhere].map(([key, share]) => `${key} ${percent(share)}`).join(", ");
  return `claims ${claim} but the traced origin includes ${listed}`;
}
