import type { LocationId } from "../model/index.ts";
import type { PathStep, Reach } from "./ancestry.ts";
import { pathTo, reachDown, reachUp } from "./ancestry.ts";
import type { Composition } from "./compute-composition.ts";
import { findGaps } from "./find-gaps.ts";
import type { Leaf } from "./flow-shares.ts";
import { downstreamShares, upstreamLeaves } from "./flow-shares.ts";
import type { ListedHits, TraceFlag } from "./inputs.ts";
import type { TraceGraph } from "./trace-graph.ts";

export interface LotQuantity {
  readonly value: number;
  readonly unit: string;
}

export interface ListedEntityInChain {
  readonly name: string;
  readonly listEntry: string;
  readonly location: string;
  /** From the traced lot to the lot that was at the listed location, ending with that event. */
  readonly path: readonly PathStep[];
}

export interface OriginShare {
  readonly lot: string;
  readonly location: string | null;
  readonly country: string | null;
  readonly region: string | null;
  /** The composition bucket (`CN/Xinjiang`, `US`, `unknown@CN/spinning`…). */
  readonly bucket: string;
  readonly xinjiang: boolean;
  /** False for untraced lots, lots on a cycle and unresolvable origins: unknown mass. */
  readonly traced: boolean;
  readonly share: number;
  readonly path: readonly PathStep[];
}

export interface PriorUse {
  readonly bucket: string;
  readonly country: string | null;
  readonly stage: string | null;
  readonly prior: number | null;
  /** Share of the traced lot the prior was applied to. */
  readonly share: number;
}

/** `threadproof trace LOT --json`: the contract of issue 4. */
export interface LotTrace {
  readonly direction: "up";
  readonly lot: string;
  readonly quantity: LotQuantity | null;
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly expectedXinjiangShare: number;
  readonly worstCaseXinjiangShare: number;
  readonly listedEntityInChain: boolean;
  readonly listedEntities: readonly ListedEntityInChain[];
  readonly origins: readonly OriginShare[];
  readonly priors: readonly PriorUse[];
  readonly flags: readonly TraceFlag[];
}

export interface Descendant {
  readonly lot: string;
  /** Share of the descendant's mass that came from the traced lot. */
  readonly share: number;
  readonly quantity: LotQuantity | null;
  /** From the traced lot down to this one, ending with its last custody event if any. */
  readonly path: readonly PathStep[];
}

/** `threadproof trace LOT --down`: where the lot went (recall). */
export interface LotRecall {
  readonly direction: "down";
  readonly lot: string;
  readonly quantity: LotQuantity | null;
  readonly descendants: readonly Descendant[];
  readonly flags: readonly TraceFlag[];
}

export interface TraceOptions {
  readonly listedHits?: ListedHits;
  readonly direction?: "up" | "down";
}

/**
 * Traces one lot up to its origins (default) or down to where it went. Returns undefined when
 * the graph has no such lot.
 */
export function traceLot(
  graph: TraceGraph,
  comp: Composition,
  lotId: string,
  options: TraceOptions = {},
): LotTrace | LotRecall | undefined {
  const root = graph.lotIndex.get(lotId);
  if (root === undefined) return undefined;
  return options.direction === "down"
    ? recallLot(graph, comp, root)
    : traceUp(graph, comp, root, options.listedHits ?? new Map());
}

function traceUp(graph: TraceGraph, comp: Composition, root: number, listedHits: ListedHits): LotTrace {
  const reach = reachUp(graph, root);
  const listedEntities = findListed(graph, reach, listedHits);
  return {
    direction: "up",
    lot: graph.lotIds[root]!,
    quantity: lotQuantity(graph, root),
    xinjiangShare: comp.xinjiangShare[root]!,
    unknownShare: comp.unknownShare[root]!,
    expectedXinjiangShare: comp.expectedXinjiangShare[root]!,
    worstCaseXinjiangShare: comp.worstCaseXinjiangShare[root]!,
    listedEntityInChain: listedEntities.length > 0,
    listedEntities,
    origins: upstreamLeaves(graph, comp, reach)
      .sort((a, b) => b.share - a.share)
      .map((leaf) => originShare(graph, comp, reach, leaf)),
    priors: priorsUsed(comp, root),
    flags: findGaps(graph, comp, { lots: reach.lots, events: reach.events }),
  };
}

function originShare(graph: TraceGraph, comp: Composition, reach: Reach, leaf: Leaf): OriginShare {
  const bucket = comp.buckets[leaf.bucket]!;
  const loc = leaf.event < 0 ? -1 : graph.eventLocation[leaf.event]!;
  return {
    lot: graph.lotIds[leaf.lot] ?? "",
    location: loc < 0 ? null : graph.locationIds[loc]!,
    country: bucket.country,
    region: bucket.region,
    bucket: bucket.key,
    xinjiang: bucket.xinjiang,
    traced: bucket.known,
    share: leaf.share,
    path: pathTo(graph, reach, leaf.lot, leaf.event),
  };
}

/**
 * Every lot of the ancestry that was created, transformed, consumed or held at a listed location
 * (no de minimis). One entry per location and list entry, with the shortest proving path.
 */
function findListed(graph: TraceGraph, reach: Reach, listedHits: ListedHits): ListedEntityInChain[] {
  if (listedHits.size === 0) return [];
  const found = new Map<string, ListedEntityInChain>();
  const check = (l: number, e: number): void => {
    const loc = graph.eventLocation[e]!;
    if (loc < 0) return;
    const location = graph.locationIds[loc]!;
    for (const hit of listedHits.get(location as LocationId) ?? []) {
      const key = `${location}\u0000${hit.listEntry}`;
      if (found.has(key)) continue;
      found.set(key, {
        name: hit.name,
        listEntry: hit.listEntry,
        location,
        path: pathTo(graph, reach, l, e),
      });
    }
  };
  for (const l of reach.lots) {
    for (let k = graph.prodStart[l]!; k < graph.prodStart[l + 1]!; k++) check(l, graph.prodEvent[k]!);
    for (let k = graph.heldStart[l]!; k < graph.heldStart[l + 1]!; k++) check(l, graph.heldEvent[k]!);
    for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++) check(l, graph.consEvent[k]!);
  }
  return [...found.values()];
}

function priorsUsed(comp: Composition, l: number): PriorUse[] {
  const uses: PriorUse[] = [];
  for (let p = comp.lotOffset[l]!; p < comp.lotOffset[l]! + comp.lotLength[l]!; p++) {
    const bucket = comp.buckets[comp.poolBucket[p]!]!;
    if (bucket.known) continue;
    const share = comp.poolShare[p]!;
    uses.push({
      bucket: bucket.key,
      country: bucket.country,
      stage: bucket.stage,
      prior: bucket.prior,
      share,
    });
  }
  return uses;
}

/**
 * The lot's quantity: what its producing events made (kg when all are mass), else for an
 * untraced lot what was consumed of it.
 */
export function lotQuantity(graph: TraceGraph, l: number): LotQuantity | null {
  let kg = 0;
  const from = graph.prodStart[l]!;
  const to = graph.prodStart[l + 1]!;
  for (let k = from; k < to; k++) kg += graph.outKg[graph.prodEdge[k]!]!;
  if (from < to) return Number.isNaN(kg) ? null : { value: kg, unit: "KGM" };
  for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++) kg += graph.inKg[graph.consEdge[k]!]!;
  if (graph.consStart[l] !== graph.consStart[l + 1])
    return Number.isNaN(kg) ? null : { value: kg, unit: "KGM" };
  return null;
}

function recallLot(graph: TraceGraph, comp: Composition, root: number): LotRecall {
  const reach = reachDown(graph, root);
  const shares = downstreamShares(graph, comp, reach);
  const descendants = reach.lots
    .filter((l) => l !== root)
    .map((l) => ({
      lot: graph.lotIds[l]!,
      share: shares.get(l) ?? 0,
      quantity: lotQuantity(graph, l),
      path: pathTo(graph, reach, l, lastHeld(graph, l)),
    }));
  return {
    direction: "down",
    lot: graph.lotIds[root]!,
    quantity: lotQuantity(graph, root),
    descendants,
    flags: findGaps(graph, comp, { lots: reach.lots, events: reach.events }),
  };
}

function lastHeld(graph: TraceGraph, l: number): number {
  let best = -1;
  for (let k = graph.heldStart[l]!; k < graph.heldStart[l + 1]!; k++) {
    const e = graph.heldEvent[k]!;
    if (best < 0 || !(graph.eventTime[e]! < graph.eventTime[best]!)) best = e;
  }
  return best;
}
