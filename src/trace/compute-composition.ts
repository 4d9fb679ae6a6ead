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
  const out = createResults(graph.lotIds.length, graph.eventIds.length, table.buckets);
  forwardPass(graph.topo, pool, where, stageBits, out);
  return {
    buckets: table.buckets,
    poolBucket: pool.bucket.data.subarray(0, pool.bucket.length),
    poolShare: pool.share.data.subarray(0, pool.share.length),
    lotOffset: out.lotOffset,
    lotLength: out.lotLength,
    eventOffset: out.eventOffset,
    eventLength: out.eventLength,
    xinjiangShare: out.xinjiangShare,
    unknownShare: out.unknownShare,
    expectedXinjiangShare: out.expectedXinjiangShare,
    worstCaseXinjiangShare: out.worstCaseXinjiangShare,
    rank: graph.topo.rank,
    stageMask: out.stageMask,
    cycleLots: graph.topo.cycleLots,
    locationRegion: where.region,
    locationStage: where.stage,
    locationOriginBucket: where.origin,
    locationUnknownBucket: where.unknown,
    priors,
  };
}

/** Per-lot and per-event results, written by graph number as the forward pass reaches each node. */
type Results = Pick<
  Composition,
  | "lotOffset"
  | "lotLength"
  | "stageMask"
  | "eventOffset"
  | "eventLength"
  | "xinjiangShare"
  | "unknownShare"
  | "expectedXinjiangShare"
  | "worstCaseXinjiangShare"
> & {
  /** Per bucket: 1 when Xinjiang; 1 when unknown; the prior of an unknown bucket. */
  readonly bucketXinjiang: Float64Array;
  readonly bucketUnknown: Float64Array;
  readonly bucketPrior: Float64Array;
};

function createResults(lots: number, events: number, buckets: readonly OriginBucket[]): Results {
  return {
    lotOffset: new Int32Array(lots),
    lotLength: new Int32Array(lots),
    stageMask: new Uint8Array(lots),
    eventOffset: new Int32Array(events),
    eventLength: new Int32Array(events),
    xinjiangShare: new Float64Array(lots),
    unknownShare: new Float64Array(lots),
    expectedXinjiangShare: new Float64Array(lots),
    worstCaseXinjiangShare: new Float64Array(lots),
    bucketXinjiang: Float64Array.from(buckets, (b) => (b.xinjiang ? 1 : 0)),
    bucketUnknown: Float64Array.from(buckets, (b) => (b.known ? 0 : 1)),
    bucketPrior: Float64Array.from(buckets, (b) => (b.known ? 0 : (b.prior ?? 0))),
  };
}

/**
 * Mixes and stage masks of every node, by topological position. Pool offsets 0.. are the
 * singleton mixes (one per bucket), so origins and untraced lots only point at their bucket.
 * Each node's result is written back by graph number (`topo.order`) as soon as it is known, and a
 * lot's shares are summed from the mix just made: no second pass reads the pool at random.
 */
function forwardPass(
  topo: TopoOrder,
  pool: MixPool,
  where: { readonly origin: Int32Array; readonly unknown: Int32Array },
  stageBits: Uint8Array,
  out: Results,
): void {
  const { kind, place, order } = topo;
  const nL = out.lotOffset.length;
  const node = pool.node;
  const n = kind.length;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    const at = place[i]!;
    if (k === NODE_LOT) mixNode(topo, pool, i, 0);
    else if (k === NODE_EVENT) mixNode(topo, pool, i, atPlace(stageBits, at));
    else if (k === NODE_ORIGIN) setMix(pool, i, atPlace(where.origin, at), 1);
    else setUnknown(pool, i, k === NODE_UNTRACED ? atPlace(where.unknown, at) : 0);
    const v = order[i]!;
    const offset = node[2 * i]!;
    const meta = node[2 * i + 1]!;
    if (v < nL) {
      out.lotOffset[v] = offset;
      out.lotLength[v] = meta & LENGTH_BITS;
      out.stageMask[v] = meta >>> 24;
      lotShares(pool, out, v, offset, offset + (meta & LENGTH_BITS));
    } else {
      out.eventOffset[v - nL] = offset;
      out.eventLength[v - nL] = meta & LENGTH_BITS;
    }
  }
}

/** Lot `l`'s Xinjiang, unknown, expected and worst-case shares from its mix `pool[start..end]`. */
function lotShares(pool: MixPool, out: Results, l: number, start: number, end: number): void {
  const bucket = pool.bucket.data;
  const share = pool.share.data;
  let xj = 0;
  let unknown = 0;
  let expected = 0;
  for (let p = start; p < end; p++) {
    const b = bucket[p]!;
    const s = share[p]!;
    xj += s * out.bucketXinjiang[b]!;
    unknown += s * out.bucketUnknown[b]!;
    expected += s * out.bucketPrior[b]!;
  }
  out.xinjiangShare[l] = xj;
  out.unknownShare[l] = unknown;
  out.expectedXinjiangShare[l] = xj + expected;
  out.worstCaseXinjiangShare[l] = xj + unknown;
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
