import { type CheckQuery, type CheckResult, checkOne } from "./check-name.ts";
import { AppError } from "./errors.ts";
import { decidePair, type PairDecisionInput } from "./hit-review.ts";
import type { MatchLists } from "./match-pool.ts";
import type { ReadModel } from "./read-model.ts";
import type { HitCounts, ListingPage } from "./record-listings.ts";
import {
  type DecisionInput,
  decideHit,
  type HitEntryDetail,
  type OpenHit,
  withEntryDetail,
} from "./review-hits.ts";
import type { Screener } from "./screener.ts";
import type { ReviewDecision } from "./screening-records.ts";
import type { Store } from "./store.ts";

export interface MatchBatchQuery {
  readonly name: string;
  readonly country?: string;
  readonly address?: string;
  readonly schema?: string;
}

export interface MatchBatchResult {
  readonly threshold: number;
  readonly listVersion: number;
  readonly responses: Readonly<Record<string, { readonly query: MatchBatchQuery } & CheckResult>>;
}

// What the match pool is sent for a screener, built once per screener (one list version), not
// per request: its workers keep the lists of the key they were last sent.
const poolLists = new WeakMap<Screener, MatchLists>();
let poolKeyCount = 0;

function poolListsOf(screener: Screener): MatchLists {
  let lists = poolLists.get(screener);
  if (lists === undefined) {
    lists = {
      key: `screener-${++poolKeyCount}`,
      entries: [...screener.entries.values()],
      threshold: screener.threshold,
    };
    poolLists.set(screener, lists);
  }
  return lists;
}

/**
 * Screens a batch of names keyed by the caller (yente's `/match`), each as `threadproof check` does;
 * in the read model's match pool when it has one, so the batch does not hold up other requests.
 */
export async function matchBatch(
  model: ReadModel,
  queries: Readonly<Record<string, MatchBatchQuery>>,
): Promise<MatchBatchResult> {
  const { screener, version } = await model.screener();
  const entries = Object.entries(queries);
  const asked: CheckQuery[] = entries.map(([, query]) => ({
    name: query.name,
    ...(query.country === undefined ? {} : { country: query.country }),
    ...(query.address === undefined ? {} : { address: query.address }),
  }));
  const pool = model.matchPool;
  const checks = pool
    ? await pool.match(poolListsOf(screener), asked)
    : asked.map((q) => checkOne(screener, q));
  const responses: Record<string, { query: MatchBatchQuery } & CheckResult> = {};
  entries.forEach(([key, query], i) => {
    responses[key] = { ...(checks[i] as CheckResult), query };
  });
  return { threshold: screener.threshold, listVersion: version, responses };
}

export interface HitListing {
  readonly status: "open" | "confirmed" | "dismissed" | "all";
  readonly subject?: "party" | "location";
  readonly q?: string;
  readonly list?: string;
  readonly after?: string;
  readonly limit: number;
}

function stateOf(hit: OpenHit): keyof HitCounts {
  return hit.review.state === "reopened" ? "open" : hit.review.state;
}

function keeps(hit: OpenHit, f: HitListing): boolean {
  if (f.status !== "all" && stateOf(hit) !== f.status) return false;
  if (f.subject !== undefined && hit.subject.kind !== f.subject) return false;
  if (f.list !== undefined && hit.entity.list !== f.list) return false;
  const q = f.q?.toLowerCase();
  return q === undefined || `${hit.subject.name}\n${hit.entity.name}`.toLowerCase().includes(q);
}

/**
 * Screening hits in hit-key order, filtered, each with its list entry's names and address;
 * `counts` are over every hit, before filters.
 */
export async function listHits(
  model: ReadModel,
  filter: HitListing,
): Promise<ListingPage<OpenHit & { readonly entity: HitEntryDetail }> & { readonly counts: HitCounts }> {
  const all = [...(await model.hits())].sort((a, b) =>
    a.hitKey < b.hitKey ? -1 : a.hitKey > b.hitKey ? 1 : 0,
  );
  const counts = { open: 0, confirmed: 0, dismissed: 0 };
  for (const h of all) counts[stateOf(h)] += 1;
  const after = filter.after ?? "";
  const matching = all.filter((h) => h.hitKey > after && keeps(h, filter));
  const page = matching.slice(0, filter.limit);
  const next = matching.length > filter.limit ? (page.at(-1)?.hitKey ?? null) : null;
  const { screener } = await model.screener();
  return { items: page.map((h) => withEntryDetail(h, screener.entries)), next, counts };
}

/** `threadproof review confirm|dismiss` for a signed-in user; later reads see the decision at once. */
export async function decideHitAs(
  store: Store,
  model: ReadModel,
  input: Omit<DecisionInput, "decidedAt">,
): Promise<ReviewDecision> {
  if (!input.user) throw new AppError("unauthorized", "a decision needs a signed-in user");
  const decision = await decideHit(store, input);
  model.invalidate();
  return decision;
}

/**
 * `POST /api/reviews`: a signed-in user decides a party or location against a list entry, whether
 * or not the screening produces the pair as a hit; errors name the request's fields.
 */
export async function decidePairAs(
  store: Store,
  model: ReadModel,
  input: Omit<PairDecisionInput, "decidedAt" | "fields">,
): Promise<ReviewDecision> {
  if (!input.user) throw new AppError("unauthorized", "a decision needs a signed-in user");
  const decision = await decidePair(store, { ...input, fields: "body" });
  model.invalidate();
  return decision;
}
