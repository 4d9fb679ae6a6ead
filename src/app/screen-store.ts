import type { Location, Party } from "../model/index.ts";
import { locateXinjiang } from "../screen/index.ts";
import type { HitReview, HitSubject } from "./hit-review.ts";
import { type ListMatch, screenNames, screenParties } from "./screener.ts";
import {
  confirmedOnly,
  dismissedIn,
  loadScreeningContext,
  reviewHit,
  type ScreeningContext,
} from "./screening-context.ts";
import type { Store } from "./store.ts";

/** A list hit with the hit's id and where its review stands. */
export type ReviewedMatch = ListMatch & {
  readonly hit: string;
  /** `party:ID|ENTRY-ID`: the subject the decision is about (a location's operator for its hits) and the entry. */
  readonly hitKey: string;
  readonly review: Pick<HitReview, "state" | "decision">;
};

/** `threadproof screen --json`: one record per screened party or location. */
export interface ScreeningRecord {
  readonly subject: { readonly kind: "party" | "location"; readonly id: string; readonly name: string };
  readonly results: readonly ReviewedMatch[];
  readonly geography?: Geography;
}

export interface Geography {
  readonly xinjiang: boolean;
  readonly division: { code: string; name: string } | null;
  readonly evidence: readonly string[];
}

export interface ScreenOptions {
  /** Only hits that were not hits against this list version (`screen --since`). */
  readonly since?: number;
}

/** What `screen` screened against. */
export interface StoreScreening {
  readonly listVersion: number;
  readonly since?: number;
  readonly records: readonly ScreeningRecord[];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function reviewed(
  ctx: ScreeningContext,
  subject: HitSubject,
  matches: readonly ListMatch[],
): ReviewedMatch[] {
  return matches.map((m) => {
    const { hit, hitKey, state, decision } = reviewHit(ctx, subject, m);
    return { ...m, hit, hitKey, review: { state, ...(decision ? { decision } : {}) } };
  });
}

function geographyOf(l: Location): Geography {
  const address = [...l.address.lines, l.address.city, l.address.state, l.address.postalCode]
    .filter(Boolean)
    .join(", ");
  const geo = locateXinjiang(address, l.address.country);
  return {
    xinjiang: geo.xinjiang,
    division: geo.division ? { code: geo.division.code, name: geo.division.name } : null,
    evidence: geo.evidence,
  };
}

/** Screens parties (names, XPCC markers, owners) and locations (name, operator, address) with one context. */
function screenWith(
  ctx: ScreeningContext,
  parties: readonly Party[],
  links: Parameters<typeof screenParties>[2],
  locations: readonly Location[],
): ScreeningRecord[] {
  const partyHits = screenParties(
    ctx.screener,
    parties,
    links,
    dismissedIn(ctx, "party"),
    confirmedOnly("party", ctx),
  );
  const confirmedAt = confirmedOnly("location", ctx);
  const records: ScreeningRecord[] = parties.map((p) => ({
    subject: { kind: "party", id: p.id, name: p.name },
    results: reviewed(ctx, { kind: "party", id: p.id }, partyHits.get(p.id) ?? []),
  }));
  for (const l of locations) {
    const context = l.address.country ? { country: l.address.country } : {};
    const found = l.name ? screenNames(ctx.screener, [l.name], context) : [];
    const own = [...found, ...confirmedAt(l.id, found)];
    const operated = l.operator ? (partyHits.get(l.operator) ?? []) : [];
    records.push({
      subject: { kind: "location", id: l.id, name: l.name ?? l.id },
      // The operator's hits keep the operator as subject: one decision covers the party everywhere.
      results: [
        ...reviewed(ctx, { kind: "location", id: l.id }, own),
        ...(l.operator ? reviewed(ctx, { kind: "party", id: l.operator }, operated) : []),
      ],
      geography: geographyOf(l),
    });
  }
  return records;
}

/** Keeps the hits whose key was not a hit in `earlier`. */
function onlyNew(
  records: readonly ScreeningRecord[],
  earlier: readonly ScreeningRecord[],
): ScreeningRecord[] {
  const seen = new Set(earlier.flatMap((r) => r.results.map((m) => m.hit)));
  return records.map((r) => ({ ...r, results: r.results.filter((m) => !seen.has(m.hit)) }));
}

/**
 * Screens every party and location against the store's latest list version, with each hit's
 * review; `since` keeps only hits that the named earlier version did not produce.
 */
export async function screenStore(store: Store, options: ScreenOptions = {}): Promise<StoreScreening> {
  const parties = await collect(store.parties());
  const links = await collect(store.links());
  const locations = await collect(store.locations());
  const ctx = await loadScreeningContext(store);
  const records = screenWith(ctx, parties, links, locations);
  if (options.since === undefined) return { listVersion: ctx.version, records };
  const earlier = await loadScreeningContext(store, { version: options.since });
  return {
    listVersion: ctx.version,
    since: options.since,
    records: onlyNew(records, screenWith(earlier, parties, links, locations)),
  };
}
