import { findCycleCore } from "./cycle-core.ts";
import type { RegionInfo, RegionOf, Stage, StageOf } from "./inputs.ts";
import { STAGES } from "./inputs.ts";
import type { MixPool } from "./mix-pool.ts";
import { createMixPool, mixSources, singletonOffsets } from "./mix-pool.ts";
import type { OriginBucket, PriorTable } from "./origin-buckets.ts";
import { createBucketTable, DEFAULT_PRIORS, resolveLocations } from "./origin-buckets.ts";
import type { TraceGraph } from "./trace-graph.ts";
import { KIND_ORIGIN } from "./trace-graph.ts";

export interface CompositionOptions {
  /** Stage of a location (from its OSH processing type): picks the prior and the missing tiers. */
  readonly stageOf?: StageOf;
  readonly priors?: PriorTable;
}

/**
 * The mass split by origin of every lot and of every event's output, as sparse vectors in one
 * pool: lot `l`'s mix is `poolBucket/poolShare[lotOffset[l] .. lotOffset[l] + lotLength[l]]`.
 * Mixes are shared, not copied, when a lot or event has a single source.
 */
export interface Composition {
  readonly buckets: readonly OriginBucket[];
  readonly poolBucket: Int32Array;
  readonly poolShare: Float64Array;
  readonly lotOffset: Int32Array;
  readonly lotLength: Int32Array;
  readonly eventOffset: Int32Array;
  readonly eventLength: Int32Array;
  readonly xinjiangShare: Float64Array;
  readonly unknownShare: Float64Array;
  readonly expectedXinjiangShare: Float64Array;
  readonly worstCaseXinjiangShare: Float64Array;
  /** Topological position of every node (lots first, then events at `lotCount + e`). */
  readonly rank: Int32Array;
  /** Per lot: bit per stage (STAGES order) present on every path from the lot back to an origin. */
  readonly stageMask: Uint8Array;
  /** Lots on or between cycles in bad data: their mix is set to unknown. */
  readonly cycleLots: Int32Array;
  readonly locationRegion: readonly (RegionInfo | undefined)[];
  readonly locationStage: readonly (Stage | undefined)[];
  /** Per location: the bucket a lot created there gets, and the bucket of unknown mass seen there. */
  readonly locationOriginBucket: Int32Array;
  readonly locationUnknownBucket: Int32Array;
  readonly priors: PriorTable;
}

export const ALL_STAGES = 0xff;

export function stageBit(stage: Stage | undefined): number {
  return stage === undefined ? 0 : 1 << STAGES.indexOf(stage);
}

interface Walk {
  readonly graph: TraceGraph;
  readonly pool: MixPool;
  readonly indeg: Int32Array;
  readonly order: Int32Array;
  readonly rank: Int32Array;
  readonly forced: Uint8Array;
  readonly lotMask: Uint8Array;
  readonly eventMask: Uint8Array;
  readonly untracedBucket: Int32Array;
  readonly eventBucket: Int32Array;
  readonly locationStageBit: Uint8Array;
  tail: number;
}

/**
 * Composition of every lot in one pass in topological order (Kahn's algorithm over lots and
 * events). When the queue runs dry with nodes left, the data has a cycle: its lots are marked
 * unknown and released so everything downstream still resolves; nothing loops.
 */
export function computeComposition(
  graph: TraceGraph,
  regionOf: RegionOf,
  options: CompositionOptions = {},
): Composition {
  const priors = options.priors ?? DEFAULT_PRIORS;
  const table = createBucketTable();
  const where = resolveLocations(table, graph.locationIds, regionOf, options.stageOf, priors);
  const walk = startWalk(graph, table.buckets.length, where.origin, where.unknown, where.stage);
  const cycleLots: number[] = [];
  let head = 0;
  for (;;) {
    while (head < walk.tail) visit(walk, walk.order[head++]!);
    if (walk.tail === walk.order.length) break;
    cycleLots.push(...forceCycleCore(walk));
  }
  const shares = lotShares(walk.pool, table.buckets, graph.lotIds.length);
  return {
    buckets: table.buckets,
    poolBucket: walk.pool.bucket.data.subarray(0, walk.pool.bucket.length),
    poolShare: walk.pool.share.data.subarray(0, walk.pool.share.length),
    lotOffset: walk.pool.lotOffset,
    lotLength: walk.pool.lotLength,
    eventOffset: walk.pool.eventOffset,
    eventLength: walk.pool.eventLength,
    ...shares,
    rank: walk.rank,
    stageMask: walk.lotMask,
    cycleLots: Int32Array.from(cycleLots),
    locationRegion: where.region,
    locationStage: where.stage,
    locationOriginBucket: where.origin,
    locationUnknownBucket: where.unknown,
    priors,
  };
}

function startWalk(
  graph: TraceGraph,
  bucketCount: number,
  originBucket: Int32Array,
  unknownBucket: Int32Array,
  stage: readonly (Stage | undefined)[],
): Walk {
  const nL = graph.lotIds.length;
  const nE = graph.eventIds.length;
  const indeg = new Int32Array(nL + nE);
  for (let l = 0; l < nL; l++) indeg[l] = graph.prodStart[l + 1]! - graph.prodStart[l]!;
  for (let e = 0; e < nE; e++) indeg[nL + e] = graph.inStart[e + 1]! - graph.inStart[e]!;
  const eventBucket = new Int32Array(nE);
  for (let e = 0; e < nE; e++) {
    const loc = graph.eventLocation[e]!;
    eventBucket[e] = loc < 0 ? 0 : originBucket[loc]!;
  }
  const walk: Walk = {
    graph,
    pool: createMixPool(bucketCount, nL, nE),
    indeg,
    order: new Int32Array(nL + nE),
    rank: new Int32Array(nL + nE).fill(-1),
    forced: new Uint8Array(nL + nE),
    lotMask: new Uint8Array(nL),
    eventMask: new Uint8Array(nE),
    untracedBucket: untracedBuckets(graph, unknownBucket),
    eventBucket,
    locationStageBit: Uint8Array.from(stage, stageBit),
    tail: 0,
  };
  for (let n = 0; n < nL + nE; n++) if (indeg[n] === 0) enqueue(walk, n);
  return walk;
}

function enqueue(walk: Walk, node: number): void {
  walk.rank[node] = walk.tail;
  walk.order[walk.tail++] = node;
}

function visit(walk: Walk, node: number): void {
  const nL = walk.graph.lotIds.length;
  if (node < nL) visitLot(walk, node);
  else visitEvent(walk, node - nL);
}

function visitLot(walk: Walk, l: number): void {
  const { graph, pool } = walk;
  const from = graph.prodStart[l]!;
  const to = graph.prodStart[l + 1]!;
  if (walk.forced[l]) {
    pool.lotOffset[l] = 0;
    pool.lotLength[l] = 1;
    walk.lotMask[l] = ALL_STAGES;
  } else if (from === to) {
    // Untraced: nothing creates it. Unknown mass, keyed by where it was last seen.
    pool.lotOffset[l] = singletonOffsets(walk.untracedBucket[l]!);
    pool.lotLength[l] = 1;
    walk.lotMask[l] = ALL_STAGES;
  } else {
    mixSources(pool, pool.eventOffset, pool.eventLength, graph.prodEvent, graph.prodWeight, from, to);
    pool.lotOffset[l] = pool.lastOffset;
    pool.lotLength[l] = pool.lastLength;
    let mask = ALL_STAGES;
    for (let k = from; k < to; k++) mask &= walk.eventMask[graph.prodEvent[k]!]!;
    walk.lotMask[l] = mask;
  }
  const nL = graph.lotIds.length;
  for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++) release(walk, nL + graph.consEvent[k]!);
}

function visitEvent(walk: Walk, e: number): void {
  const { graph, pool } = walk;
  const from = graph.inStart[e]!;
  const to = graph.inStart[e + 1]!;
  if (walk.forced[graph.lotIds.length + e]) {
    pool.eventOffset[e] = 0;
    pool.eventLength[e] = 1;
    walk.eventMask[e] = ALL_STAGES;
  } else if (graph.eventKind[e] === KIND_ORIGIN) {
    pool.eventOffset[e] = singletonOffsets(walk.eventBucket[e]!);
    pool.eventLength[e] = 1;
    walk.eventMask[e] = 0;
  } else {
    mixSources(pool, pool.lotOffset, pool.lotLength, graph.inLot, graph.inWeight, from, to);
    pool.eventOffset[e] = pool.lastOffset;
    pool.eventLength[e] = pool.lastLength;
    let mask = from === to ? 0 : ALL_STAGES;
    for (let k = from; k < to; k++) mask &= walk.lotMask[graph.inLot[k]!]!;
    const loc = graph.eventLocation[e]!;
    walk.eventMask[e] = mask | (loc < 0 ? 0 : walk.locationStageBit[loc]!);
  }
  for (let k = graph.outStart[e]!; k < graph.outStart[e + 1]!; k++) release(walk, graph.outLot[k]!);
}

function release(walk: Walk, node: number): void {
  if (--walk.indeg[node]! === 0 && !walk.forced[node]) enqueue(walk, node);
}

/** Forces the cycle core to unknown and queues it; returns the core's lots for the `cycle` flag. */
function forceCycleCore(walk: Walk): number[] {
  const nL = walk.graph.lotIds.length;
  const core = findCycleCore(walk.graph, walk.rank);
  if (core.length === 0)
    throw new Error("composition stalled without a cycle: graph arrays are inconsistent");
  for (const node of core) walk.forced[node] = 1;
  for (const node of core) enqueue(walk, node);
  return core.filter((node) => node < nL);
}

/** Per untraced lot: the unknown bucket of its last known location (latest event naming it). */
function untracedBuckets(graph: TraceGraph, unknownBucket: Int32Array): Int32Array {
  const nL = graph.lotIds.length;
  const out = new Int32Array(nL);
  for (let l = 0; l < nL; l++) {
    if (graph.prodStart[l] !== graph.prodStart[l + 1]) continue;
    let best = -1;
    const consider = (e: number): void => {
      if (graph.eventLocation[e]! < 0) return;
      if (best < 0 || !(graph.eventTime[e]! < graph.eventTime[best]!)) best = e;
    };
    for (let k = graph.consStart[l]!; k < graph.consStart[l + 1]!; k++) consider(graph.consEvent[k]!);
    for (let k = graph.heldStart[l]!; k < graph.heldStart[l + 1]!; k++) consider(graph.heldEvent[k]!);
    out[l] = best < 0 ? 0 : unknownBucket[graph.eventLocation[best]!]!;
  }
  return out;
}

function lotShares(pool: MixPool, buckets: readonly OriginBucket[], lots: number) {
  const xinjiangShare = new Float64Array(lots);
  const unknownShare = new Float64Array(lots);
  const expectedXinjiangShare = new Float64Array(lots);
  const worstCaseXinjiangShare = new Float64Array(lots);
  const bucketXinjiang = Float64Array.from(buckets, (b) => (b.xinjiang ? 1 : 0));
  const bucketUnknown = Float64Array.from(buckets, (b) => (b.known ? 0 : 1));
  const bucketPrior = Float64Array.from(buckets, (b) => (b.known ? 0 : (b.prior ?? 0)));
  const bucket = pool.bucket.data;
  const share = pool.share.data;
  for (let l = 0; l < lots; l++) {
    let xj = 0;
    let unknown = 0;
    let expected = 0;
    const start = pool.lotOffset[l]!;
    const end = start + pool.lotLength[l]!;
    for (let p = start; p < end; p++) {
      const b = bucket[p]!;
      const s = share[p]!;
      xj += s * bucketXinjiang[b]!;
      unknown += s * bucketUnknown[b]!;
      expected += s * bucketPrior[b]!;
    }
    xinjiangShare[l] = xj;
    unknownShare[l] = unknown;
    expectedXinjiangShare[l] = xj + expected;
    worstCaseXinjiangShare[l] = xj + unknown;
  }
  return { xinjiangShare, unknownShare, expectedXinjiangShare, worstCaseXinjiangShare };
}
