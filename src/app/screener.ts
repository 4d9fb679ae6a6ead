import { type ListEntry, loadBundledLists } from "../ingest/index.ts";
import type { Identifier, Link, Location, LocationId, Party } from "../model/index.ts";
import {
  buildNameIndex,
  DEFAULT_THRESHOLD,
  findXpccMarkers,
  matchName,
  type NameEntry,
  type NameIndex,
  type NameMatchResult,
  type NameQuery,
} from "../screen/index.ts";
import type { ListedHit, ListedHits } from "../trace/index.ts";
import { buildNameIndexInWorkers } from "./build-name-index.ts";

/** One list entry a party, location or name matched, and why. */
export interface ListMatch {
  readonly entity: {
    readonly id: string;
    readonly name: string;
    readonly list: string;
    readonly section?: string;
  };
  readonly score: number;
  readonly match: boolean;
  /**
   * `name`: the subject's own name; `owner`: a party owning ≥ the threshold share of it;
   * `xpcc-marker`: its name; `review`: a reviewer confirmed it, though the matcher no longer finds it.
   */
  readonly via: "name" | "owner" | "xpcc-marker" | "review";
  readonly explanations: readonly string[];
}

export interface Screener {
  readonly index: NameIndex;
  readonly entries: ReadonlyMap<string, ListEntry>;
  readonly threshold: number;
  /** Ownership share from which an owner's listing passes to what it owns (default 0.5). */
  readonly ownershipThreshold: number;
}

export interface ScreenerOptions {
  readonly threshold?: number;
  readonly ownershipThreshold?: number;
  /** The list entries to screen against (a stored list version); the bundled lists when absent. */
  readonly entries?: readonly ListEntry[];
}

function nameEntries(entries: readonly ListEntry[]): NameEntry[] {
  return entries.map((e) => ({
    id: e.id,
    names: [e.name, ...e.aliases, ...e.formerNames, ...e.chineseNames],
    kind: "company" as const,
  }));
}

function screenerOf(entries: readonly ListEntry[], index: NameIndex, options: ScreenerOptions): Screener {
  return {
    index,
    entries: new Map(entries.map((e) => [e.id, e])),
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    ownershipThreshold: options.ownershipThreshold ?? 0.5,
  };
}

export function createScreener(options: ScreenerOptions = {}): Screener {
  const entries = options.entries ?? loadBundledLists().entries;
  return screenerOf(entries, buildNameIndex(nameEntries(entries)), options);
}

/**
 * `createScreener` with the same index built by this thread and a worker thread together when the
 * list is large (a 1 M-entity list: about half the wall time on two cores); small lists, the
 * bundled ones among them, are indexed in this thread as before.
 */
export async function loadScreener(options: ScreenerOptions = {}): Promise<Screener> {
  const entries = options.entries ?? loadBundledLists().entries;
  return screenerOf(entries, await buildNameIndexInWorkers(nameEntries(entries)), options);
}

export function entityOf(entry: ListEntry): ListMatch["entity"] {
  return {
    id: entry.id,
    name: entry.name,
    list: entry.list,
    ...(entry.section ? { section: entry.section } : {}),
  };
}

/** The matcher on one name (the `check` command): every scored candidate, best first. */
export function checkName(screener: Screener, query: NameQuery): NameMatchResult {
  return matchName(screener.index, query, { threshold: screener.threshold });
}

function nameMatches(
  screener: Screener,
  names: readonly string[],
  context: Omit<NameQuery, "name">,
): ListMatch[] {
  const best = new Map<string, ListMatch>();
  for (const name of names) {
    for (const r of checkName(screener, { ...context, name }).results) {
      const entry = screener.entries.get(r.entityId);
      if (!entry || !r.match || (best.get(r.entityId)?.score ?? -1) >= r.score) continue;
      best.set(r.entityId, {
        entity: entityOf(entry),
        score: r.score,
        match: r.match,
        via: "name",
        explanations: r.explanations,
      });
    }
  }
  return [...best.values()];
}

function xpccEntry(screener: Screener): ListEntry | undefined {
  return [...screener.entries.values()].find((e) => /Production and Construction Corps/i.test(e.name));
}

function markerMatches(screener: Screener, names: readonly string[]): ListMatch[] {
  const xpcc = xpccEntry(screener);
  const markers = [...new Set(names.flatMap(findXpccMarkers))];
  if (!xpcc || markers.length === 0) return [];
  const why = `The name carries XPCC markers (${markers.join("; ")}): the XPCC and its subordinate entities are listed.`;
  return [{ entity: entityOf(xpcc), score: 1, match: true, via: "xpcc-marker", explanations: [why] }];
}

/** Hits on names alone: list-name matches and XPCC markers, one per list entry and route. */
export function screenNames(
  screener: Screener,
  names: readonly string[],
  context: Omit<NameQuery, "name"> = {},
): ListMatch[] {
  return dedupe([...nameMatches(screener, names, context), ...markerMatches(screener, names)]);
}

export function screenParty(screener: Screener, party: Party): ListMatch[] {
  const context = {
    ...(party.country ? { country: party.country } : {}),
    identifiers: party.identifiers as readonly Identifier[],
  };
  return screenNames(screener, [party.name, ...party.aliases], context);
}

/** A party owned (≥ the threshold share) by a listed party inherits the owner's hits, naming the path. */
function ownerMatches(
  screener: Screener,
  party: Party,
  links: readonly Link[],
  direct: ReadonlyMap<string, readonly ListMatch[]>,
  names: ReadonlyMap<string, string>,
): ListMatch[] {
  return links
    .filter((l) => l.kind === "owns" && l.to === party.id && (l.share ?? 1) >= screener.ownershipThreshold)
    .flatMap((l) =>
      (direct.get(l.from) ?? []).map((m) => ({
        ...m,
        via: "owner" as const,
        explanations: [
          `Owned ${l.share === undefined ? "" : `${Math.round(l.share * 100)} % `}by ${names.get(l.from) ?? l.from}, which matches ${m.entity.name}.`,
          ...m.explanations,
        ],
      })),
    );
}

/** One hit per list entry and route: a name match and an XPCC marker for the same entry are two. */
function dedupe(matches: readonly ListMatch[]): ListMatch[] {
  const best = new Map<string, ListMatch>();
  for (const m of matches) {
    const key = `${m.entity.id}|${m.via}`;
    if ((best.get(key)?.score ?? -1) < m.score) best.set(key, m);
  }
  return [...best.values()];
}

/**
 * Every party's hits: its own names, XPCC markers, and owners' hits passed down one level. An
 * owner's hit a reviewer dismissed (`dismissed`) is not passed down; it stays among the owner's own.
 * `confirmedOnly` adds confirmed hits the matcher no longer finds, so they count and pass down.
 */
export function screenParties(
  screener: Screener,
  parties: readonly Party[],
  links: readonly Link[],
  dismissed: (partyId: string, match: ListMatch) => boolean = () => false,
  confirmedOnly: (partyId: string, found: readonly ListMatch[]) => ListMatch[] = () => [],
): Map<string, ListMatch[]> {
  const own = new Map(
    parties.map((p) => {
      const found = screenParty(screener, p);
      return [p.id as string, [...found, ...confirmedOnly(p.id, found)]];
    }),
  );
  const direct = new Map([...own].map(([id, hits]) => [id, hits.filter((m) => !dismissed(id, m))]));
  const names = new Map(parties.map((p) => [p.id as string, p.name]));
  return new Map(
    parties.map((p) => [
      p.id as string,
      dedupe([...(own.get(p.id) ?? []), ...ownerMatches(screener, p, links, direct, names)]),
    ]),
  );
}

/**
 * What the tracer needs: for each location, the hits on its own name (less those a reviewer
 * dismissed, plus those confirmed that the matcher no longer finds) or its operator's
 * (`partyHits`, already reviewed).
 */
export function listedHitsOf(
  screener: Screener,
  locations: readonly Location[],
  partyHits: ReadonlyMap<string, readonly ListMatch[]>,
  dismissed: (locationId: string, match: ListMatch) => boolean = () => false,
  confirmedOnly: (locationId: string, found: readonly ListMatch[]) => ListMatch[] = () => [],
): ListedHits {
  const out = new Map<LocationId, ListedHit[]>();
  for (const l of locations) {
    const context = l.address.country ? { country: l.address.country } : {};
    const found = l.name ? screenNames(screener, [l.name], context) : [];
    const own = [...found, ...confirmedOnly(l.id, found)].filter((m) => !dismissed(l.id, m));
    const hits = [...own, ...(l.operator ? (partyHits.get(l.operator) ?? []) : [])];
    if (hits.length === 0) continue;
    out.set(
      l.id,
      hits.map((h) => ({
        name: h.via === "name" ? (l.name ?? l.id) : (h.explanations[0] ?? h.entity.name),
        listEntry: `${h.entity.list.toUpperCase()} ${h.entity.section ?? ""}: ${h.entity.name}`.replace(
          / :/,
          ":",
        ),
        score: h.score,
      })),
    );
  }
  return out;
}
