import type { RegionInfo, RegionOf, Stage, StageOf } from "./inputs.ts";
import { STAGES } from "./inputs.ts";
import type { MixPool } from "./mix-pool.ts";
import { createMixPool, LENGTH_BITS, maskOf, mixSources, setMask, setMix } from "./mix-pool.ts";
import type { OriginBucket, PriorTable } from "./origin-buckets.ts";
import { createBucketTable, DEFAULT_PRIORS, resolveLocations } from "./origin-buckets.ts";
import type { TopoOrder, TraceGraph } from "./trace-graph.ts";
import { NODE_EVENT, NODE_LOT, NODE_ORIGIN, NODE_UNTRACED } from "./trace-graph.ts";

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

/**
 * Composition of every lot in one forward pass over the graph's topological order
 * (`TraceGraph.topo`): each node pulls the mixes of its predecessors, already computed. Lots on
 * cycles in bad data were queued as forced nodes by the order: their mix is unknown, and
 * everything downstream still resolves; nothing loops.
 */
export function computeComposition(
  graph: TraceGraph,
  regionOf: RegionOf,
  options: CompositionOptions = {},
): Composition {
  const priors = options.priors ?? DEFAULT_PRIORS;
  const table = createBucketTable();
  const where = resolveLocations(table, graph.locationIds, regionOf, options.stageOf, priors);
  const pool = createMixPool(table.buckets.length, graph.topo.kind.length);
  const stageBits = Uint8Array.from(where.stage, stageBit);
  forwardPass(graph.topo, pool, where.origin, where.unknown, stageBits);
  const nL = graph.lotIds.length;
  const lots = gather(graph.topo.rank, 0, nL, pool);
  const events = gather(graph.topo.rank, nL, graph.eventIds.length, pool);
  const shares = lotShares(pool, table.buckets, lots.offset, lots.length);
  return {
    buckets: table.buckets,
    poolBucket: pool.bucket.data.subarray(0, pool.bucket.length),
    poolShare: pool.share.data.subarray(0, pool.share.length),
    lotOffset: lots.offset,
    lotLength: lots.length,
    eventOffset: events.offset,
    eventLength: events.length,
    ...shares,
    rank: graph.topo.rank,
    stageMask: lots.mask,
    cycleLots: graph.topo.cycleLots,
    locationRegion: where.region,
    locationStage: where.stage,
    locationOriginBucket: where.origin,
    locationUnknownBucket: where.unknown,
    priors,
  };
}

/**
 * Mixes and stage masks of every node, by topological position. Pool offsets 0.. are the
 * singleton mixes (one per bucket), so origins and untraced lots only point at their bucket.
 */
function forwardPass(
  topo: TopoOrder,
  pool: MixPool,
  originBucket: Int32Array,
  unknownBucket: Int32Array,
  stageBits: Uint8Array,
): void {
  const { kind, place } = topo;
  const n = kind.length;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    const at = place[i]!;
    if (k === NODE_LOT) mixNode(topo, pool, i, 0);
    else if (k === NODE_EVENT) mixNode(topo, pool, i, atPlace(stageBits, at));
    else if (k === NODE_ORIGIN) setMix(pool, i, atPlace(originBucket, at), 1);
    else setUnknown(pool, i, k === NODE_UNTRACED ? atPlace(unknownBucket, at) : 0);
  }
}

/** A per-location value; 0 (no stage, the plain unknown bucket) where there is no location. */
function atPlace(values: Int32Array | Uint8Array, at: number): number {
  return at < 0 ? 0 : values[at]!;
}

/** A lot or transformation: the mix of its predecessors, and the stages on all paths to it. */
function mixNode(topo: TopoOrder, pool: MixPool, i: number, stage: number): void {
  const from = topo.predStart[i]!;
  const to = topo.predStart[i + 1]!;
  mixSources(pool, i, topo.pred, topo.predWeight, from, to);
  setMask(pool, i, predecessorsMask(pool, topo.pred, from, to) | stage);
}

/** Forced (cycle) or untraced: unknown mass, keyed by where an untraced lot was last seen. */
function setUnknown(pool: MixPool, i: number, bucket: number): void {
  setMix(pool, i, bucket, 1);
  setMask(pool, i, ALL_STAGES);
}

/** Stages present on every path: the intersection over the predecessors (none: no stage). */
function predecessorsMask(pool: MixPool, pred: Int32Array, from: number, to: number): number {
  let m = from === to ? 0 : ALL_STAGES;
  for (let p = from; p < to; p++) m &= maskOf(pool, pred[p]!);
  return m;
}

interface NodeMixes {
  readonly offset: Int32Array;
  readonly length: Int32Array;
  readonly mask: Uint8Array;
}

/** Mixes of nodes `first .. first + count` back in graph numbering. */
function gather(rank: Int32Array, first: number, count: number, pool: MixPool): NodeMixes {
  const out = { offset: new Int32Array(count), length: new Int32Array(count), mask: new Uint8Array(count) };
  const node = pool.node;
  for (let v = 0; v < count; v++) {
    const i = rank[first + v]!;
    const meta = node[2 * i + 1]!;
    out.offset[v] = node[2 * i]!;
    out.length[v] = meta & LENGTH_BITS;
    out.mask[v] = meta >>> 24;
  }
  return out;
}

function lotShares(
  pool: MixPool,
  buckets: readonly OriginBucket[],
  lotOffset: Int32Array,
  lotLength: Int32Array,
) {
  const lots = lotOffset.length;
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
    const start = lotOffset[l]!;
    const end = start + lotLength[l]!;
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
