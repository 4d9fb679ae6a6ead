import type { LocationId } from "../model/index.ts";
import type { RegionInfo, RegionOf, Stage, StageOf } from "./inputs.ts";

/**
 * One origin in a composition: a (country, region) bucket such as `CN/Xinjiang`, `CN/Jiangsu` or
 * `US`, or unknown mass. Unknown mass is keyed by the country and stage of the place where it was
 * last seen (`unknown@CN/spinning`) because that is what the prior depends on; `unknown` alone
 * means not even that is known.
 */
export interface OriginBucket {
  readonly key: string;
  readonly known: boolean;
  readonly country: string | null;
  readonly region: string | null;
  readonly xinjiang: boolean;
  /** For unknown mass: the Xinjiang prior applied to it; null when none applies (stays unknown). */
  readonly prior: number | null;
  readonly stage: Stage | null;
}

/**
 * Xinjiang share assumed for mass of unknown origin, by the country (and optionally the stage) of
 * its last known location. DOMAIN.md: lint available to a Chinese mill is about 0.60–0.70
 * Xinjiang; 0.65 is the default (est.). Elsewhere no default: unknown stays unknown.
 */
export type PriorTable = Readonly<
  Record<string, { readonly default?: number; readonly byStage?: Partial<Record<Stage, number>> }>
>;

export const DEFAULT_PRIORS: PriorTable = { CN: { default: 0.65 } };

export const UNKNOWN_BUCKET: OriginBucket = {
  key: "unknown",
  known: false,
  country: null,
  region: null,
  xinjiang: false,
  prior: null,
  stage: null,
};

export function priorFor(
  priors: PriorTable,
  country: string | undefined,
  stage: Stage | undefined,
): number | null {
  if (!country) return null;
  const row = priors[country];
  if (!row) return null;
  return (stage ? row.byStage?.[stage] : undefined) ?? row.default ?? null;
}

/** Buckets interned by key; index 0 is always the plain `unknown` bucket. */
export interface BucketTable {
  readonly buckets: OriginBucket[];
  readonly index: Map<string, number>;
}

export function createBucketTable(): BucketTable {
  return { buckets: [UNKNOWN_BUCKET], index: new Map([[UNKNOWN_BUCKET.key, 0]]) };
}

function internBucket(table: BucketTable, bucket: OriginBucket): number {
  let id = table.index.get(bucket.key);
  if (id === undefined) {
    id = table.buckets.length;
    table.buckets.push(bucket);
    table.index.set(bucket.key, id);
  }
  return id;
}

/**
 * The bucket of a lot created at this location. China needs a province to rule Xinjiang out, so a
 * Chinese location without one is unknown (with the Chinese prior); elsewhere the country is enough.
 */
export function originBucketOf(table: BucketTable, region: RegionInfo | undefined, unknown: number): number {
  if (region?.xinjiang) {
    const key = "CN/Xinjiang";
    return internBucket(table, { ...known(key, "CN", "Xinjiang"), xinjiang: true });
  }
  const country = region?.country;
  if (!country) return unknown;
  if (country === "CN") {
    if (!region.region) return unknown;
    return internBucket(table, known(`CN/${region.region}`, "CN", region.region));
  }
  return internBucket(table, known(country, country, null));
}

function known(key: string, country: string, region: string | null): OriginBucket {
  return { key, known: true, country, region, xinjiang: false, prior: null, stage: null };
}

/** The bucket of unknown mass last seen at this location. */
export function unknownBucketOf(
  table: BucketTable,
  region: RegionInfo | undefined,
  stage: Stage | undefined,
  priors: PriorTable,
): number {
  const country = region?.country ?? (region?.xinjiang ? "CN" : undefined);
  if (!country) return 0;
  const key = `unknown@${country}${stage ? `/${stage}` : ""}`;
  return internBucket(table, {
    key,
    known: false,
    country,
    region: null,
    xinjiang: false,
    prior: priorFor(priors, country, stage),
    stage: stage ?? null,
  });
}

export interface LocationBuckets {
  readonly origin: Int32Array;
  readonly unknown: Int32Array;
  readonly region: readonly (RegionInfo | undefined)[];
  readonly stage: readonly (Stage | undefined)[];
}

/** Resolves every location once: the resolver is called exactly once per location. */
export function resolveLocations(
  table: BucketTable,
  locationIds: readonly LocationId[],
  regionOf: RegionOf,
  stageOf: StageOf | undefined,
  priors: PriorTable,
): LocationBuckets {
  const region = locationIds.map((id) => regionOf(id));
  const stage = locationIds.map((id) => stageOf?.(id));
  const unknown = Int32Array.from(locationIds, (_, i) => unknownBucketOf(table, region[i], stage[i], priors));
  const origin = Int32Array.from(locationIds, (_, i) => originBucketOf(table, region[i], unknown[i]!));
  return { origin, unknown, region, stage };
}
