import { createHash } from "node:crypto";
import type { Location } from "../model/index.ts";
import {
  createBucketTable,
  DEFAULT_PRIORS,
  type ListedHits,
  type OriginBucket,
  resolveLocations,
  stageFromProcessingType,
  summariseMix,
} from "../trace/index.ts";
import type { LotComposition } from "./compose-lots.ts";
import type { PlaceBuckets } from "./composition-sql.ts";
import { AppError } from "./errors.ts";
import { listedHitsOf } from "./screener.ts";
import {
  confirmedOnly,
  dismissedIn,
  loadScreeningContext,
  screenedPartyHits,
  withoutDismissed,
} from "./screening-context.ts";
import type { ShardCluster, ShardComposeOptions, ShardLoadResult, ShardMixRow } from "./shard-cluster.ts";
import type { Store } from "./store.ts";
import { regionOfLocation } from "./trace-context.ts";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The store's geography as the SQL twins take it, and a fingerprint of it. */
interface ShardPlaces {
  readonly places: PlaceBuckets[];
  readonly buckets: readonly OriginBucket[];
  readonly fingerprint: string;
}

/** Geography resolved once in TypeScript, exactly as `composeLots(store, "sql")` resolves it. */
async function shardPlaces(store: Store): Promise<ShardPlaces> {
  const locations = new Map<string, Location>();
  for await (const l of store.locations()) locations.set(l.id, l);
  const ids = [...locations.values()].map((l) => l.id);
  const table = createBucketTable();
  const where = resolveLocations(
    table,
    ids,
    (id) => regionOfLocation(locations.get(id)),
    (id) => stageFromProcessingType(locations.get(id)?.processingType),
    DEFAULT_PRIORS,
  );
  const places = ids.map((location, i) => ({
    location,
    origin: where.origin[i]!,
    unknown: where.unknown[i]!,
  }));
  const keys = table.buckets.map((b) => b.key);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([places, keys]))
    .digest("hex");
  return { places, buckets: table.buckets, fingerprint };
}

/**
 * `threadproof shard load`: the store's events, as composition inputs, onto the shards — routed
 * through the coordinator's partitions, or with `copy` COPYed straight into each shard.
 */
export async function loadShards(
  store: Store,
  cluster: ShardCluster,
  copy: boolean,
): Promise<ShardLoadResult> {
  if (store.kind !== "postgres")
    throw new AppError(
      "usage",
      "sharded mode needs the store on PostgreSQL: its database is the coordinator",
    );
  const { places, fingerprint } = await shardPlaces(store);
  return cluster.loadFromStore(places, fingerprint, copy);
}

/** The places must be those the shards were loaded with: bucket numbers mean nothing otherwise. */
export async function loadedPlaces(store: Store, cluster: ShardCluster): Promise<ShardPlaces> {
  const current = await shardPlaces(store);
  const loaded = await cluster.loadedFingerprint();
  if (loaded === undefined)
    throw new AppError("not-found", "the shards hold no graph: run `threadproof shard load`");
  if (loaded !== current.fingerprint)
    throw new AppError(
      "conflict",
      "the store's locations changed since `threadproof shard load`: load the shards again",
    );
  return current;
}

function lotComposition(
  lot: string,
  buckets: readonly OriginBucket[],
  rows: readonly Pick<ShardMixRow, "bucket" | "share">[],
): LotComposition {
  const byKey: Record<string, number> = {};
  for (const r of rows) byKey[buckets[r.bucket]!.key] = (byKey[buckets[r.bucket]!.key] ?? 0) + r.share;
  return {
    lot,
    ...summariseMix(
      buckets,
      rows.map((r) => [r.bucket, r.share] as const),
    ),
    buckets: byKey,
  };
}

export interface ShardComposeSummary {
  readonly lots: number;
  readonly edges: number;
  readonly levels: number;
  readonly cycleLots: readonly string[];
}

/** Composition of every lot on the shards, reported as `composeLots` reports it, lot by lot. */
export async function composeLotsSharded(
  store: Store,
  cluster: ShardCluster,
  onLot: (lot: LotComposition) => void,
  options: ShardComposeOptions = {},
): Promise<ShardComposeSummary> {
  const { buckets } = await loadedPlaces(store, cluster);
  let current: ShardMixRow | undefined;
  let rows: ShardMixRow[] = [];
  const idOf = new Map<number, string>();
  const flush = () => {
    if (current) onLot(lotComposition(current.lot ?? String(current.node), buckets, rows));
  };
  const run = await cluster.compose((row) => {
    if (row.node !== current?.node) {
      flush();
      current = row;
      rows = [];
    }
    if (row.lot !== undefined) idOf.set(row.node, row.lot);
    rows.push(row);
  }, options);
  flush();
  const cycleLots = run.cycleNodes.map((n) => idOf.get(n) ?? String(n));
  return { lots: run.nodes, edges: run.edges, levels: run.levels, cycleLots };
}

async function listedHitsIn(store: Store): Promise<ListedHits> {
  const locations = await collect(store.locations());
  const screening = await loadScreeningContext(store);
  const screened = screenedPartyHits(screening, await collect(store.parties()), await collect(store.links()));
  return listedHitsOf(
    screening.screener,
    locations,
    withoutDismissed(screening, screened),
    dismissedIn(screening, "location"),
    confirmedOnly("location", screening),
  );
}

export interface ShardTrace extends LotComposition {
  /** Lots upstream of this one, found on the shards. */
  readonly ancestors: number;
  readonly listedEntityInChain: boolean;
  /** The locations in the chain with an undismissed listed hit, and the list entries they hit. */
  readonly listedLocations: readonly { readonly location: string; readonly entries: readonly string[] }[];
}

/**
 * One lot's trace in sharded mode, from the last `shard compose`: its composition, Xinjiang and
 * unknown shares, and whether a listed entity handled it or any of its ancestors.
 */
export async function traceLotSharded(store: Store, cluster: ShardCluster, lot: string): Promise<ShardTrace> {
  const { buckets } = await loadedPlaces(store, cluster);
  const trace = await cluster.traceLot(lot);
  if (!trace) throw new AppError("not-found", `lot ${lot} is not in the sharded graph`);
  const hits = await listedHitsIn(store);
  const listedLocations = trace.locations.flatMap((location) => {
    const found = hits.get(location as never) ?? [];
    return found.length === 0
      ? []
      : [{ location, entries: [...new Set(found.map((h) => h.listEntry))].sort() }];
  });
  return {
    ...lotComposition(lot, buckets, trace.mix),
    ancestors: trace.ancestors.length,
    listedEntityInChain: listedLocations.length > 0,
    listedLocations,
  };
}
