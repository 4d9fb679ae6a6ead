import { buildCluster, type Cluster } from "./build-cluster.ts";
import type { FacilityPool } from "./facility-pool.ts";

/** What every file of one chain is generated from: the seed, the size and the facilities. */
export interface ChainSpec {
  readonly seed: number;
  readonly events: number;
  readonly pool: FacilityPool;
}

/** No cluster has more events than this; the document split relies on it (checked while streaming). */
export const MAX_CLUSTER_EVENTS = 400;

export interface PositionedCluster {
  readonly cluster: Cluster;
  /** Number of events in all clusters before this one. */
  readonly offset: number;
}

/**
 * Clusters in order, built one at a time and dropped once the caller has written them: memory
 * stays at one cluster whatever the size. Clusters are added while fewer than `events` events
 * exist, so a chain has at least the requested number of events and at most one cluster more.
 */
export function* streamClusters(
  spec: ChainSpec,
  from = { index: 0, offset: 0 },
): Generator<PositionedCluster> {
  let { index, offset } = from;
  while (offset < spec.events) {
    const cluster = buildCluster(spec.seed, index, spec.pool);
    if (cluster.events.length > MAX_CLUSTER_EVENTS) {
      throw new Error(`cluster ${index} has ${cluster.events.length} events, above ${MAX_CLUSTER_EVENTS}`);
    }
    yield { cluster, offset };
    offset += cluster.events.length;
    index += 1;
  }
}
