import type { Link, Party } from "../model/index.ts";
import { listsAtVersion } from "./current-lists.ts";
import { entryFingerprint, type HitReview, type HitSubject, reviewOf } from "./hit-review.ts";
import { entityOf, type ListMatch, loadScreener, type Screener, screenParties } from "./screener.ts";
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
  const screener = await loadScreener({
    entries: lists.entries,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
  const decisions = new Map((await store.reviewDecisions()).map((d) => [d.hitKey, d]));
  return { screener, version: lists.version, decisions };
}

/**
 * Hits a reviewer confirmed that the matcher did not find this time (a matcher or threshold change
 * lowered the score, or the reviewer confirmed a pair the matcher never produced): a confirmed hit
 * keeps counting. One whose list entry changed since comes back re-opened.
 */
export function confirmedOnly(kind: HitSubject["kind"], ctx: ScreeningContext) {
  const confirmed = new Map<string, ReviewDecision[]>();
  for (const d of ctx.decisions.values()) {
    if (d.status !== "confirmed" || d.subject.kind !== kind) continue;
    confirmed.set(d.subject.id, [...(confirmed.get(d.subject.id) ?? []), d]);
  }
  return (id: string, found: readonly ListMatch[]): ListMatch[] =>
    (confirmed.get(id) ?? []).flatMap((d) => {
      const entry = ctx.screener.entries.get(d.entryId);
      if (!entry || found.some((m) => m.entity.id === d.entryId)) return [];
      // A changed entry keeps the pair in front of the reviewer, re-opened, as a hit's would be.
      const changed = entryFingerprint(entry) !== d.fingerprint;
      const why = changed
        ? `Confirmed by ${d.user} on ${d.decidedAt.slice(0, 10)} (${d.reason}); the list entry has changed since: decide again.`
        : `Confirmed by ${d.user} on ${d.decidedAt.slice(0, 10)}: ${d.reason}`;
      return [
        {
          entity: entityOf(entry),
          score: d.score ?? 0,
          match: true,
          via: "review" as const,
          explanations: [why],
        },
      ];
    });
}

export function reviewHit(ctx: ScreeningContext, subject: HitSubject, match: ListMatch): HitReview {
  return reviewOf(ctx.decisions, subject, ctx.screener.entries.get(match.entity.id), match.entity.id);
}

/** For `screenParties` and `listedHitsOf`: a hit a reviewer dismissed (on the entry as it is now). */
export function dismissedIn(ctx: ScreeningContext, kind: HitSubject["kind"]) {
  return (id: string, match: ListMatch): boolean => reviewHit(ctx, { kind, id }, match).state === "dismissed";
}

/**
 * Every party's hits, dismissed ones included (reports show them with their decision); an owner's
 * dismissed hit is not inherited by what it owns.
 */
export function screenedPartyHits(
  ctx: ScreeningContext,
  parties: readonly Party[],
  links: readonly Link[],
): Map<string, ListMatch[]> {
  return screenParties(ctx.screener, parties, links, dismissedIn(ctx, "party"), confirmedOnly("party", ctx));
}

/** Party hits less those a reviewer dismissed: what tracing counts. */
export function withoutDismissed(
  ctx: ScreeningContext,
  hits: ReadonlyMap<string, readonly ListMatch[]>,
): Map<string, ListMatch[]> {
  const dismissed = dismissedIn(ctx, "party");
  return new Map([...hits].map(([id, matches]) => [id, matches.filter((m) => !dismissed(id, m))]));
}

/** Every party's hits less those a reviewer dismissed (an owner's dismissed hit is not inherited either). */
export function undismissedPartyHits(
  ctx: ScreeningContext,
  parties: readonly Party[],
  links: readonly Link[],
): Map<string, ListMatch[]> {
  return withoutDismissed(ctx, screenedPartyHits(ctx, parties, links));
}
