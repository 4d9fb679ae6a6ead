import type { LocationSums } from "../trace/index.ts";
import type { BalanceOptions } from "./balance-in-store.ts";
import type { PlaceBuckets } from "./composition-sql.ts";
import { AppError } from "./errors.ts";

/**
 * The sharded composition port: a coordinator PostgreSQL (the store, plus one postgres_fdw server
 * per shard) and N shard PostgreSQL servers holding the lot → lot edges hash-partitioned on their
 * source lot and the working mixes hash-partitioned on their lot, with the same modulus, so every
 * step joins inside one shard and ships back partial sums (docs/scale.md).
 */

/** One (node, bucket, share) row of a sharded run; `lot` is the store's lot id when the node is one. */
export interface ShardMixRow {
  readonly node: number;
  readonly lot: string | undefined;
  readonly bucket: number;
  readonly share: number;
}

/** A composition graph given as arrays (the bulk path): integer nodes, lot → lot edges, seed mixes. */
export interface ShardGraph {
  /** Every node id (lots without edges or seeds included). */
  readonly nodes: ArrayLike<number>;
  readonly edgeSrc: ArrayLike<number>;
  readonly edgeDst: ArrayLike<number>;
  /** The event behind each edge: edges of one event are forced together on a cycle. */
  readonly edgeEvent: ArrayLike<number>;
  readonly edgeFrac: ArrayLike<number>;
  readonly seedNode: ArrayLike<number>;
  readonly seedBucket: ArrayLike<number>;
  readonly seedShare: ArrayLike<number>;
}

export interface ShardCounts {
  readonly shard: string;
  readonly nodes: number;
  readonly edges: number;
  readonly seeds: number;
}

export interface ShardLoadResult {
  readonly nodes: number;
  readonly edges: number;
  readonly seeds: number;
  readonly perShard: readonly ShardCounts[];
  /** "coordinator": routed by the coordinator's partitions; "copy": COPY straight into each shard. */
  readonly path: "coordinator" | "copy";
}

export interface ShardComposeRun {
  readonly nodes: number;
  readonly edges: number;
  /** Rounds of the level loop, cycle cores included. */
  readonly levels: number;
  /** Nodes on or between cycles, set to unknown as the single-node engines do. */
  readonly cycleNodes: readonly number[];
}

export interface ShardLotTrace {
  readonly node: number;
  readonly mix: readonly ShardMixRow[];
  readonly ancestors: readonly string[];
  readonly locations: readonly string[];
}

/**
 * One location's balance sums from the last sharded run (`bucket` numbers of the loaded places):
 * the sums the single-node balance settles, with the claims as an array.
 */
export interface ShardBalanceRow extends LocationSums {
  /** Output mass per claimed country of origin. */
  readonly claims: readonly (readonly [country: string, kg: number])[];
}

export interface ShardComposeOptions {
  /** Called after each level; the fault test stops a shard from here. */
  readonly afterLevel?: (level: number) => Promise<void> | void;
  /** Called after each statement of the loop with its kind and wall time (the bench's breakdown). */
  readonly onStatement?: (kind: string, ms: number) => void;
}

export interface ShardStatus {
  readonly coordinator: string;
  readonly shards: readonly (ShardCounts & {
    readonly url: string;
    readonly reachable: boolean;
    readonly error?: string;
  })[];
  /** What the last `shard load` recorded (the places fingerprint it was derived with). */
  readonly loaded?: { readonly at: string; readonly fingerprint: string; readonly path: string };
  readonly lastRun?: {
    readonly at: string;
    readonly levels: number;
    readonly rows: number;
    readonly seconds: number;
  };
}

export interface ShardCluster {
  /** Shard names as the coordinator's foreign servers are called (`shard_0` …). */
  readonly names: readonly string[];
  /** (Re)creates the shards' tables and the coordinator's servers and partitioned parents; drops data. */
  init(): Promise<void>;
  /**
   * Derives the composition inputs from the store's events on the coordinator (as the single-node
   * twin does) and sends them to the shards: through the coordinator's partitions, or with `copy`
   * straight into each shard.
   */
  loadFromStore(
    places: readonly PlaceBuckets[],
    fingerprint: string,
    copy: boolean,
  ): Promise<ShardLoadResult>;
  /** The bulk path for a graph given as arrays: each shard's rows COPYed straight to it. */
  loadGraph(graph: ShardGraph, fingerprint: string): Promise<ShardLoadResult>;
  /** The fingerprint the shards were loaded with, if any. */
  loadedFingerprint(): Promise<string | undefined>;
  /**
   * Runs the level loop; the result is written on the coordinator in one transaction at the end
   * (nothing on failure), then streamed to `onMix` in (node, bucket) order.
   */
  compose(onMix: (row: ShardMixRow) => void, options?: ShardComposeOptions): Promise<ShardComposeRun>;
  /**
   * One lot from the last completed run: its node, its mix, its ancestry (walked on the shards one
   * hop at a time) and the locations of the live events naming it or an ancestor; undefined when
   * the store has no such lot in the loaded graph.
   */
  traceLot(lot: string): Promise<ShardLotTrace | undefined>;
  /**
   * The same for a node of a graph loaded as arrays (`loadGraph`): its mix in the last run and
   * every node upstream of it (sorted), walked on the shards one hop at a time.
   */
  traceNode(
    node: number,
  ): Promise<{ readonly mix: readonly ShardMixRow[]; readonly ancestors: readonly number[] }>;
  /**
   * Per-location sums of the mass balance: transformation lines weighed against the lot mixes of
   * the last run (which must follow the last load); per location and calendar period with `period`.
   */
  balance(places: readonly PlaceBuckets[], period?: BalanceOptions["period"]): Promise<ShardBalanceRow[]>;
  /** `EXPLAIN (VERBOSE)` of one step query, as the coordinator would run it. */
  explainStep(): Promise<string>;
  status(): Promise<ShardStatus>;
  close(): Promise<void>;
}

/** A shard that cannot be reached or dropped mid-run: `shard` names it (foreign server and URL). */
export class ShardUnavailableError extends AppError {
  readonly shard: string;

  constructor(shard: string, what: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super("store-unavailable", `shard ${shard} is unavailable while ${what}: ${detail}`, { cause });
    this.name = "ShardUnavailableError";
    this.shard = shard;
  }
}
