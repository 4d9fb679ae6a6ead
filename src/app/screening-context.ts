import type { Link, Party } from "../model/index.ts";
import { listsAtVersion } from "./current-lists.ts";
import { type HitReview, type HitSubject, reviewOf } from "./hit-review.ts";
import { createScreener, type ListMatch, type Screener, screenParties } from "./screener.ts";
import type { ReviewDecision } from "./screening-records.ts";
import type { Store } from "./store.ts";

/** A screener on a store's list version, with the reviewers' decisions on its hits. */
export interface ScreeningContext {
  readonly screener: Screener;
  readonly version: number;
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
}

export async function loadScreeningContext(
  store: Store,
  options: { readonly version?: number; readonly threshold?: number } = {},
): Promise<ScreeningContext> {
  const lists = await listsAtVersion(store, options.version);
  const screener = createScreener({
    entries: lists.entries,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
  const decisions = new Map((await store.reviewDecisions()).map((d) => [d.hitKey, d]));
  return { screener, version: lists.version, decisions };
}

export function reviewHit(ctx: ScreeningContext, subject: HitSubject, match: ListMatch): HitReview {
  return reviewOf(ctx.decisions, subject, ctx.screener.entries.get(match.entity.id), match.entity.id);
}

/** For `screenParties` and `listedHitsOf`: a hit a reviewer dismissed (on the entry as it is now). */
export function dismissedIn(ctx: ScreeningContext, kind: HitSubject["kind"]) {
  return (id: string, match: ListMatch): boolean => reviewHit(ctx, { kind, id }, match).state === "dismissed";
}

/** Every party's hits less those a reviewer dismissed (an owner's dismissed hit is not inherited either). */
export function undismissedPartyHits(
  ctx: ScreeningContext,
  parties: readonly Party[],
  links: readonly Link[],
): Map<string, ListMatch[]> {
  const dismissed = dismissedIn(ctx, "party");
  const hits = screenParties(ctx.screener, parties, links, dismissed);
  return new Map([...hits].map(([id, matches]) => [id, matches.filter((m) => !dismissed(id, m))]));
}
