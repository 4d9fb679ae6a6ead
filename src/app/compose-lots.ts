import type { Location, LocationId, SupplyEvent } from "../model/index.ts";
import {
  buildTraceGraph,
  type Composition,
  computeComposition,
  createBucketTable,
  DEFAULT_PRIORS,
  type MixShares,
  type OriginBucket,
  resolveLocations,
  type StageOf,
  stageFromProcessingType,
  summariseMix,
} from "../trace/index.ts";
import type { PlaceBuckets } from "./composition-sql.ts";
import type { Store } from "./store.ts";
import { regionOfLocation } from "./trace-context.ts";

export type CompositionEngine = "memory" | "sql";

/** One lot's composition as both engines report it: the shares and the mix by bucket key. */
export interface LotComposition extends MixShares {
  readonly lot: string;
  readonly buckets: Readonly<Record<string, number>>;
}

export interface ComposeSummary {
  readonly engine: CompositionEngine;
  readonly lots: number;
  readonly cycleLots: readonly string[];
  /** SQL only: `INSERT … SELECT` rounds and lot → lot edges. */
  readonly levels?: number;
  readonly edges?: number;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

interface Geography {
  readonly ids: LocationId[];
  readonly regionOf: (id: LocationId) => ReturnType<typeof regionOfLocation>;
  readonly stageOf: StageOf;
}

async function geography(store: Store): Promise<Geography> {
  const locations = new Map<string, Location>();
  for await (const l of store.locations()) locations.set(l.id, l);
  return {
    ids: [...locations.values()].map((l) => l.id),
    regionOf: (id) => regionOfLocation(locations.get(id)),
    stageOf: (id) => stageFromProcessingType(locations.get(id)?.processingType),
  };
}

/**
 * Composition of every lot in the store, by the in-memory engine or by its SQL twin; `onLot` gets
 * each lot once. Both resolve geography the same way, so their results can be compared bucket by
 * bucket (the SQL twin's test does exactly that).
 */
export async function composeLots(
  store: Store,
  engine: CompositionEngine,
  onLot: (lot: LotComposition) => void,
): Promise<ComposeSummary> {
  const geo = await geography(store);
  return engine === "sql" ? composeInSql(store, geo, onLot) : composeInMemory(store, geo, onLot);
}

async function composeInMemory(
  store: Store,
  geo: Geography,
  onLot: (lot: LotComposition) => void,
): Promise<ComposeSummary> {
  // Retracted events are needed too: the graph matches retractions to originals itself.
  const events: SupplyEvent[] = await collect(store.events({ includeRetracted: true }));
  const graph = buildTraceGraph(events);
  const comp = computeComposition(graph, geo.regionOf, { stageOf: geo.stageOf });
  graph.lotIds.forEach((lot, l) => {
    onLot(lotComposition(lot, comp.buckets, mixPairs(comp, l)));
  });
  return {
    engine: "memory",
    lots: graph.lotIds.length,
    cycleLots: Array.from(comp.cycleLots, (l) => graph.lotIds[l]!),
  };
}

function mixPairs(comp: Composition, l: number): [number, number][] {
  const start = comp.lotOffset[l]!;
  const pairs: [number, number][] = [];
  for (let p = start; p < start + comp.lotLength[l]!; p++)
    pairs.push([comp.poolBucket[p]!, comp.poolShare[p]!]);
  return pairs;
}

async function composeInSql(
  store: Store,
  geo: Geography,
  onLot: (lot: LotComposition) => void,
): Promise<ComposeSummary> {
  const table = createBucketTable();
  const where = resolveLocations(table, geo.ids, geo.regionOf, geo.stageOf, DEFAULT_PRIORS);
  const places: PlaceBuckets[] = geo.ids.map((location, i) => ({
    location,
    origin: where.origin[i]!,
    unknown: where.unknown[i]!,
  }));
  let current: string | undefined;
  let pairs: [number, number][] = [];
  const flush = () => {
    if (current !== undefined) onLot(lotComposition(current, table.buckets, pairs));
  };
  const run = await store.composeLots(places, (row) => {
    if (row.lot !== current) {
      flush();
      current = row.lot;
      pairs = [];
    }
    pairs.push([row.bucket, row.share]);
  });
  flush();
  return { engine: "sql", lots: run.lots, cycleLots: run.cycleLots, levels: run.levels, edges: run.edges };
}

function lotComposition(
  lot: string,
  buckets: readonly OriginBucket[],
  pairs: readonly [number, number][],
): LotComposition {
  const byKey: Record<string, number> = {};
  for (const [b, share] of pairs) {
    if (share === 0) continue;
    const key = buckets[b]!.key;
    byKey[key] = (byKey[key] ?? 0) + share;
  }
  return { lot, ...summariseMix(buckets, pairs), buckets: byKey };
}
