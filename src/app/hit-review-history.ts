import { type Location, locationId, type Party, partyId } from "../model/index.ts";
import { listsAtVersion } from "./current-lists.ts";
import { entryFingerprint, hitIdOf } from "./hit-review.ts";
import type { DecisionFilter, ReviewDecision } from "./screening-records.ts";
import type { Store } from "./store.ts";

/**
 * One decision in `review history`: `current` when no later decision on the same hit superseded
 * it; a current decision whose list entry has changed since no longer applies (`reopened`).
 */
export interface DecisionHistoryItem extends ReviewDecision {
  /** The hit's short id, as `screen` and `review` print it. */
  readonly hit: string;
  readonly current: boolean;
  /** When the decision that superseded this one was made. */
  readonly supersededAt?: string;
  /** The current decision, made on a list entry that has changed (or left the list) since. */
  readonly reopened?: true;
  /** The party's or location's name as stored (absent for a location without one, or a record gone). */
  readonly subjectName?: string;
  /** The list entry's name in the current list version (absent once it left the list). */
  readonly entryName?: string;
}

/** The names of the decisions' subjects, by `kind:id`: one read per subject, however many decisions. */
async function subjectNames(
  store: Store,
  decisions: readonly ReviewDecision[],
): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  const subjects = new Map(decisions.map((d) => [`${d.subject.kind}:${d.subject.id}`, d.subject]));
  for (const [key, { kind, id }] of subjects) {
    const record =
      kind === "party"
        ? await store.getParty(id as Party["id"])
        : await store.getLocation(id as Location["id"]);
    if (record?.name) names.set(key, record.name);
  }
  return names;
}

/** Every decision matching the filter, oldest first, each saying whether it is the current one. */
export async function reviewHistory(
  store: Store,
  filter: DecisionFilter = {},
): Promise<DecisionHistoryItem[]> {
  let decisions = await store.decisionHistory(filter);
  if (decisions.length === 0 && filter.subject !== undefined) {
    // The id as the source file spelled it (`P1` for `party:P1`), as `review confirm --party` takes it.
    const { kind, id } = filter.subject;
    const stored = kind === "party" ? partyId(id) : locationId(id);
    if (stored !== id) decisions = await store.decisionHistory({ ...filter, subject: { kind, id: stored } });
  }
  const entries = new Map((await listsAtVersion(store)).entries.map((e) => [e.id, e]));
  const names = await subjectNames(store, decisions);
  const next = new Map<number, ReviewDecision>();
  const lastOf = new Map<string, number>();
  decisions.forEach((d, i) => {
    const previous = lastOf.get(d.hitKey);
    if (previous !== undefined) next.set(previous, d);
    lastOf.set(d.hitKey, i);
  });
  return decisions.map((d, i) => {
    const entry = entries.get(d.entryId);
    const later = next.get(i);
    const current = later === undefined;
    const applies = entry !== undefined && entryFingerprint(entry) === d.fingerprint;
    const subjectName = names.get(`${d.subject.kind}:${d.subject.id}`);
    return {
      ...d,
      hit: hitIdOf(d.hitKey),
      current,
      ...(later ? { supersededAt: later.decidedAt } : {}),
      ...(current && !applies ? { reopened: true as const } : {}),
      ...(subjectName === undefined ? {} : { subjectName }),
      ...(entry ? { entryName: entry.name } : {}),
    };
  });
}

/** Every decision on one hit, named by its key or its short `hit-…` id (`GET /api/hits/{key}/decisions`). */
export async function hitDecisions(store: Store, key: string): Promise<DecisionHistoryItem[]> {
  // The store keeps each decided hit's short id indexed beside its key.
  return reviewHistory(store, /^hit-[0-9a-f]{12}$/.test(key) ? { hit: key } : { hitKey: key });
}
