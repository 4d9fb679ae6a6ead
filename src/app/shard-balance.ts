import type { Location } from "../model/index.ts";
import {
  DEFAULT_YIELDS,
  type LocationBalance,
  type MassBalance,
  type OriginBucket,
  settleLocation,
  stageFromProcessingType,
} from "../trace/index.ts";
import type { BalanceOptions } from "./balance-in-store.ts";
import type { ShardBalanceRow, ShardCluster } from "./shard-cluster.ts";
import { loadedPlaces } from "./shard-compose.ts";
import type { Store } from "./store.ts";

/** A location's sums from the shards, settled by the same rule as the single-node balance. */
function settle(
  row: ShardBalanceRow,
  buckets: readonly OriginBucket[],
  place: Location | undefined,
): LocationBalance {
  const stage = stageFromProcessingType(place?.processingType) ?? null;
  const maxYield = stage ? DEFAULT_YIELDS[stage] : 1;
  return settleLocation(row, buckets, stage, maxYield, place?.name ?? null);
}

/**
 * Mass balance of every location (whole period, or per calendar period with `period`) in sharded
 * mode: the lot mixes come from the last `shard compose`, the per-location sums are taken on the
 * coordinator; the same limits, statuses, flags and period labels as `balanceInStore`, to
 * summation-order tolerance. Sorted by location, then period.
 */
export async function balanceSharded(
  store: Store,
  cluster: ShardCluster,
  options: BalanceOptions = {},
): Promise<MassBalance> {
  const { places, buckets } = await loadedPlaces(store, cluster);
  const locations = new Map<string, Location>();
  for await (const l of store.locations()) locations.set(l.id, l);
  const rows = await cluster.balance(places, options.period);
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => order(a.location, b.location) || order(a.period ?? "", b.period ?? ""));
  return { locations: rows.map((r) => settle(r, buckets, locations.get(r.location))) };
}
