import type { Location } from "../model/index.ts";
import {
  type ClaimCheck,
  DEFAULT_YIELDS,
  type LocationBalance,
  type MassBalance,
  type OriginBucket,
  type OriginMass,
  stageFromProcessingType,
  type TraceFlag,
} from "../trace/index.ts";
import type { ShardBalanceRow, ShardCluster } from "./shard-cluster.ts";
import { loadedPlaces } from "./shard-compose.ts";
import type { Store } from "./store.ts";

// The single-node balance's own slack and wording (src/trace/compute-mass-balance.ts), so a
// location is flagged the same way whichever engine computed its sums.
const SLACK = 1e-9;
const kg = (value: number) => `${Number(value.toFixed(3))} kg`;
const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 4 : 1)} %`;
const exceeds = (out: number, limit: number) => out > limit * (1 + SLACK) + SLACK;

function byOrigin(buckets: readonly OriginBucket[], masses: ShardBalanceRow["inputs"]): OriginMass[] {
  const merged = new Map<string, number>();
  for (const [b, value] of masses) {
    const key = buckets[b]!.known ? buckets[b]!.key : "unknown";
    merged.set(key, (merged.get(key) ?? 0) + value);
  }
  return [...merged].map(([origin, value]) => ({ origin, kg: value })).sort((a, b) => b.kg - a.kg);
}

function settle(
  row: ShardBalanceRow,
  buckets: readonly OriginBucket[],
  place: Location | undefined,
): LocationBalance {
  const { location } = row;
  const stage = stageFromProcessingType(place?.processingType) ?? null;
  const maxYield = stage ? DEFAULT_YIELDS[stage] : 1;
  const claims: ClaimCheck[] = row.claims.map(([origin, claimedKg]) => {
    let inputKg = 0;
    for (const [b, value] of row.inputs)
      if (buckets[b]!.known && buckets[b]!.country === origin) inputKg += value;
    const limitKg = inputKg * maxYield;
    return {
      origin,
      claimedKg,
      inputKg,
      maxYield,
      limitKg,
      status: exceeds(claimedKg, limitKg) ? "exceeded" : "ok",
    };
  });
  const limitKg = row.inputKg * maxYield;
  const totalExceeded = exceeds(row.outputKg, limitKg);
  const flags: TraceFlag[] = claims
    .filter((c) => c.status === "exceeded")
    .map((c) => ({
      code: "mass-balance-exceeded" as const,
      location,
      message: `${location}: ${kg(c.claimedKg)} claimed as ${c.origin}, but only ${kg(c.inputKg)} of ${c.origin} input × max yield ${c.maxYield} = ${kg(c.limitKg)}`,
    }));
  if (totalExceeded)
    flags.push({
      code: "mass-balance-exceeded",
      location,
      message: `${location}: output ${kg(row.outputKg)} exceeds input ${kg(row.inputKg)} × max yield ${maxYield} = ${kg(limitKg)} (${percent(row.outputKg / Math.max(row.inputKg, Number.MIN_VALUE))} of input)`,
    });
  if (row.unweighed > 0)
    flags.push({
      code: "unconvertible-quantity",
      location,
      message: `${location}: ${row.unweighed} line(s) without a mass left out of the balance`,
    });
  return {
    location,
    name: place?.name ?? null,
    period: null,
    stage,
    maxYield,
    status: totalExceeded || claims.some((c) => c.status === "exceeded") ? "exceeded" : "ok",
    inputKg: row.inputKg,
    outputKg: row.outputKg,
    limitKg,
    claims,
    inputs: byOrigin(buckets, row.inputs),
    outputs: byOrigin(buckets, row.outputs),
    flags,
  };
}

/**
 * Mass balance of every location (whole period) in sharded mode: the lot mixes come from the last
 * `shard compose`, the per-location sums are taken on the coordinator; the same limits, statuses
 * and flags as `balanceInStore`, to summation-order tolerance.
 */
export async function balanceSharded(store: Store, cluster: ShardCluster): Promise<MassBalance> {
  const { places, buckets } = await loadedPlaces(store, cluster);
  const locations = new Map<string, Location>();
  for await (const l of store.locations()) locations.set(l.id, l);
  const rows = await cluster.balance(places);
  rows.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
  return { locations: rows.map((r) => settle(r, buckets, locations.get(r.location))) };
}
