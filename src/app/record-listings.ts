import type { Location, Party } from "../model/index.ts";
import type { DataScope } from "./principal.ts";
import type { ReadModel } from "./read-model.ts";
import type { RecordFilter } from "./scoped-reads.ts";
import type { ScreeningRecord } from "./screen-store.ts";
import type { Store } from "./store.ts";
import { regionOfLocation } from "./trace-context.ts";

export interface HitCounts {
  readonly open: number;
  readonly confirmed: number;
  readonly dismissed: number;
}

export type HitStatusFilter = "open" | "confirmed" | "dismissed" | "any" | "none";
export type RiskLevel = "high" | "medium" | "low";

export interface LocationRisk {
  readonly xinjiang: boolean;
  readonly country: string | null;
  readonly region: string | null;
  readonly hits: HitCounts;
  readonly level: RiskLevel;
}

export interface PartyRow {
  readonly party: Party;
  readonly hits: HitCounts;
}

export interface LocationRow {
  readonly location: Location;
  readonly operator: { readonly id: string; readonly name: string } | null;
  readonly risk: LocationRisk;
}

export interface ListingPage<T> {
  readonly items: readonly T[];
  /** The id to continue after, or null when this was the last page. */
  readonly next: string | null;
}

export interface PartyListing extends RecordFilter {
  readonly hits?: HitStatusFilter;
}

export interface LocationListing extends PartyListing {
  readonly region?: string;
  readonly risk?: RiskLevel;
}

const NO_HITS: HitCounts = { open: 0, confirmed: 0, dismissed: 0 };

// One count per screening (the read model hands out the same records until the data changes):
// counting every record's hits for each listing page held the server's event loop (profiled).
const countsKept = new WeakMap<readonly ScreeningRecord[], ReadonlyMap<string, HitCounts>>();
const namesKept = new WeakMap<readonly ScreeningRecord[], ReadonlyMap<string, string>>();

/** Hit counts by subject (`party:ID`, `location:ID`), each hit once per subject; computed once per screening. */
export function hitCountsBySubject(records: readonly ScreeningRecord[]): ReadonlyMap<string, HitCounts> {
  const known = countsKept.get(records);
  if (known) return known;
  const counts = countHits(records);
  countsKept.set(records, counts);
  return counts;
}

/** Party names by id, from the screening's records; computed once per screening. */
export function partyNamesOf(records: readonly ScreeningRecord[]): ReadonlyMap<string, string> {
  const known = namesKept.get(records);
  if (known) return known;
  const names = new Map(
    records.filter((r) => r.subject.kind === "party").map((r) => [r.subject.id, r.subject.name]),
  );
  namesKept.set(records, names);
  return names;
}

function countHits(records: readonly ScreeningRecord[]): Map<string, HitCounts> {
  const out = new Map<string, HitCounts>();
  for (const r of records) {
    const seen = new Set<string>();
    const counts = { open: 0, confirmed: 0, dismissed: 0 };
    for (const m of r.results) {
      if (seen.has(m.hit)) continue;
      seen.add(m.hit);
      const state = m.review.state === "reopened" ? "open" : m.review.state;
      counts[state] += 1;
    }
    out.set(`${r.subject.kind}:${r.subject.id}`, counts);
  }
  return out;
}

function passesHits(counts: HitCounts, filter: HitStatusFilter | undefined): boolean {
  const total = counts.open + counts.confirmed + counts.dismissed;
  switch (filter) {
    case undefined:
      return true;
    case "any":
      return total > 0;
    case "none":
      return total === 0;
    default:
      return counts[filter] > 0;
  }
}

/** Addresses' regions, by the address's text: a listing page resolves up to 51 addresses, each ≈ 35 µs. */
const regionsKept = new Map<string, ReturnType<typeof regionOfLocation>>();
const REGIONS_KEPT = 50_000;

/** `regionOfLocation`, which depends only on the address, looked up when that address was resolved before. */
function regionOf(location: Location): ReturnType<typeof regionOfLocation> {
  const a = location.address;
  const key = JSON.stringify([a.lines, a.city, a.state, a.postalCode, a.country]);
  if (regionsKept.has(key)) return regionsKept.get(key);
  const region = regionOfLocation(location);
  // Bounded: past the bound the oldest address goes (Map keeps insertion order).
  if (regionsKept.size >= REGIONS_KEPT) regionsKept.delete(regionsKept.keys().next().value as string);
  regionsKept.set(key, region);
  return region;
}

export function riskOf(location: Location, hits: HitCounts): LocationRisk {
  const region = regionOf(location);
  const xinjiang = region?.xinjiang ?? false;
  const level: RiskLevel = xinjiang || hits.confirmed > 0 ? "high" : hits.open > 0 ? "medium" : "low";
  return {
    xinjiang,
    country: region?.country ?? location.address.country ?? null,
    region: region?.region ?? null,
    hits,
    level,
  };
}

/**
 * Reads scoped pages from the store and keeps the rows `keep` accepts until `limit` are found;
 * one row more tells whether another page exists. Filters the store cannot answer in SQL
 * (screening state, resolved region) run here, on rows the scope already allowed.
 */
async function filteredPage<T extends { readonly id: string }, R>(
  read: (after: string, limit: number) => Promise<readonly T[]>,
  toRow: (record: T) => R | undefined,
  after: string,
  limit: number,
  filtered: boolean,
): Promise<ListingPage<R>> {
  const kept: { id: string; row: R }[] = [];
  let cursor = after;
  // Unfiltered, every row is kept: reading (and decoding) 200 rows for a page of 50 was most of
  // a listing's cost on the server's event loop (profiled under bench:server).
  const batch = filtered ? Math.max(limit + 1, 200) : limit + 1;
  for (;;) {
    const records = await read(cursor, batch);
    for (const record of records) {
      const row = toRow(record);
      if (row !== undefined) kept.push({ id: record.id, row });
      if (kept.length > limit) {
        return { items: kept.slice(0, limit).map((k) => k.row), next: kept[limit - 1]?.id ?? null };
      }
    }
    const last = records.at(-1);
    if (records.length < batch || !last) return { items: kept.map((k) => k.row), next: null };
    cursor = last.id;
  }
}

export async function listParties(
  store: Store,
  model: ReadModel,
  scope: DataScope,
  query: PartyListing,
): Promise<ListingPage<PartyRow>> {
  const counts = hitCountsBySubject((await model.screening()).records);
  const { hits, after, limit, ...filter } = query;
  return filteredPage(
    (from, n) => store.scopedParties(scope, { ...filter, after: from, limit: n }),
    (party) => {
      const c = counts.get(`party:${party.id}`) ?? NO_HITS;
      return passesHits(c, hits) ? { party, hits: c } : undefined;
    },
    after ?? "",
    limit,
    hits !== undefined,
  );
}

export async function listLocations(
  store: Store,
  model: ReadModel,
  scope: DataScope,
  query: LocationListing,
): Promise<ListingPage<LocationRow>> {
  const screening = (await model.screening()).records;
  const counts = hitCountsBySubject(screening);
  const names = partyNamesOf(screening);
  const { hits, region, risk, after, limit, ...filter } = query;
  return filteredPage(
    (from, n) => store.scopedLocations(scope, { ...filter, after: from, limit: n }),
    (location) => {
      const row = locationRow(location, counts, names);
      if (!passesHits(row.risk.hits, hits)) return undefined;
      if (region !== undefined && row.risk.region?.toLowerCase() !== region.toLowerCase()) return undefined;
      return risk === undefined || row.risk.level === risk ? row : undefined;
    },
    after ?? "",
    limit,
    hits !== undefined || region !== undefined || risk !== undefined,
  );
}

export function locationRow(
  location: Location,
  counts: ReadonlyMap<string, HitCounts>,
  partyNames: ReadonlyMap<string, string>,
): LocationRow {
  const operator = location.operator;
  return {
    location,
    operator: operator === undefined ? null : { id: operator, name: partyNames.get(operator) ?? operator },
    risk: riskOf(location, counts.get(`location:${location.id}`) ?? NO_HITS),
  };
}
