import { createHash } from "node:crypto";
import type { ListEntry } from "../ingest/index.ts";
import { type Location, locationId, type Party, partyId } from "../model/index.ts";
import { auditEntry, UNATTRIBUTED } from "./audit-trail-append.ts";
import { listsAtVersion } from "./current-lists.ts";
import { AppError } from "./errors.ts";
import type { Principal } from "./principal.ts";
import { checkName, createScreener } from "./screener.ts";
import type { ReviewDecision } from "./screening-records.ts";
import type { Store } from "./store.ts";

export type HitSubject = ReviewDecision["subject"];

/**
 * Where a hit stands: no decision yet (`open`), decided, or decided on a list entry that has since
 * changed (`reopened`: the decision is shown but no longer applies).
 */
export type ReviewState = "open" | "confirmed" | "dismissed" | "reopened";

export interface HitReview {
  /** Short id to name the hit on the command line (`review confirm hit-…`). */
  readonly hit: string;
  readonly hitKey: string;
  readonly state: ReviewState;
  readonly decision?: ReviewDecision;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A hit is one subject (party or location) against one list entry, whatever the route. */
export function hitKeyOf(subject: HitSubject, entryId: string): string {
  return `${subject.kind}:${subject.id}|${entryId}`;
}

export function hitIdOf(hitKey: string): string {
  return `hit-${sha256(hitKey).slice(0, 12)}`;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/**
 * What the listing says about the entity: names, sections, parent and coverage. Provenance,
 * notes and dates are left out, so a re-published but unchanged entry keeps its decisions.
 */
export function entryFingerprint(entry: ListEntry): string {
  const content = {
    list: entry.list,
    name: entry.name,
    aliases: sorted(entry.aliases),
    formerNames: sorted(entry.formerNames),
    chineseNames: sorted(entry.chineseNames),
    sections: sorted(entry.sections),
    parentId: entry.parentId ?? null,
    includesSubordinates: entry.includesSubordinates,
  };
  return sha256(JSON.stringify(content)).slice(0, 16);
}

/** The review of one hit, given every decision (by hit key) and the list entry as it is now. */
export function reviewOf(
  decisions: ReadonlyMap<string, ReviewDecision>,
  subject: HitSubject,
  entry: ListEntry | undefined,
  entryId: string,
): HitReview {
  const hitKey = hitKeyOf(subject, entryId);
  const hit = hitIdOf(hitKey);
  const decision = decisions.get(hitKey);
  if (!decision) return { hit, hitKey, state: "open" };
  const current = entry !== undefined && entryFingerprint(entry) === decision.fingerprint;
  return { hit, hitKey, state: current ? decision.status : "reopened", decision };
}

/**
 * Makes `decision` the hit's current one (the earlier one stays in the history) with its audit
 * record, in one transaction. The store reads the superseded decision inside that transaction
 * and records its hash as the audit's before-state: read here first, two decisions at once on
 * one hit would both name the same predecessor.
 */
export async function saveReviewDecision(
  store: Store,
  decision: ReviewDecision,
  actor: Principal | undefined,
): Promise<void> {
  const audit = auditEntry(actor ?? UNATTRIBUTED, "review.decide", decision.hitKey, {
    after: decision,
    detail: {
      status: decision.status,
      reason: decision.reason,
      user: decision.user,
      ...(decision.score === undefined ? {} : { score: decision.score }),
      ...(decision.decidedOn === undefined ? {} : { decidedOn: decision.decidedOn }),
    },
    at: decision.decidedAt,
  });
  await store.saveDecision(decision, audit);
}

export interface PairDecisionInput {
  /** The party or location (`--party` / `--location`). */
  readonly subject: HitSubject;
  /** The list entry (`--entry`), in the current list version. */
  readonly entryId: string;
  readonly status: ReviewDecision["status"];
  readonly reason: string;
  readonly user: string;
  readonly decidedAt?: string;
  readonly actor?: Principal;
  /** How errors name the fields: command-line `flags` (`--party`, the default) or request `body` fields (`party`). */
  readonly fields?: "flags" | "body";
}

/** The matcher's best score for the subject's names against one entry, if it scores it at all. */
function pairScore(entry: ListEntry, names: readonly string[]): number | undefined {
  // A one-entry screener: the score is the one `check` would print for that candidate.
  const screener = createScreener({ entries: [entry], threshold: 0 });
  let best: number | undefined;
  for (const name of names) {
    for (const r of checkName(screener, { name }).results) {
      if (r.entityId === entry.id && (best === undefined || r.score > best)) best = r.score;
    }
  }
  return best === undefined ? undefined : Math.round(best * 1000) / 1000;
}

/** The party or location by its id as stored, or as its source file spelled it (`P1` for `party:P1`). */
async function subjectRecord(store: Store, subject: HitSubject): Promise<Party | Location | undefined> {
  if (subject.kind === "party")
    return (await store.getParty(subject.id as Party["id"])) ?? (await store.getParty(partyId(subject.id)));
  return (
    (await store.getLocation(subject.id as Location["id"])) ??
    (await store.getLocation(locationId(subject.id)))
  );
}

/**
 * Confirms or dismisses a subject–entry pair whether or not the screening produces it as a hit (a
 * below-threshold candidate in `check`, or what a reviewer knows from a registry). The decision is
 * keyed as the hit's would be, so a later screen reuses it: a confirmed pair is a confirmed hit, a
 * dismissed one is never asked again, and a changed list entry re-opens it.
 */
export async function decidePair(store: Store, input: PairDecisionInput): Promise<ReviewDecision> {
  const field = (name: string) => (input.fields === "body" ? name : `--${name}`);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("usage", `a decision needs a ${field("reason")}`);
  const { kind } = input.subject;
  const record = await subjectRecord(store, input.subject);
  if (!record)
    throw new AppError(
      "not-found",
      `${field(kind)} ${input.subject.id}: no ${kind} with this id in the store`,
    );
  const id = record.id;
  const lists = await listsAtVersion(store);
  const entry = lists.entries.find((e) => e.id === input.entryId);
  if (!entry)
    throw new AppError(
      "not-found",
      `${field("entry")} ${input.entryId}: no list entry with this id in list version ${lists.version} (see \`threadproof lists show\`)`,
    );
  const names = "aliases" in record ? [record.name, ...record.aliases] : record.name ? [record.name] : [];
  const score = pairScore(entry, names);
  const decision: ReviewDecision = {
    hitKey: hitKeyOf({ kind, id }, entry.id),
    subject: { kind, id },
    entryId: entry.id,
    fingerprint: entryFingerprint(entry),
    status: input.status,
    ...(score === undefined ? {} : { score }),
    reason,
    user: input.user,
    decidedAt: input.decidedAt ?? new Date().toISOString(),
    listVersion: lists.version,
    decidedOn: "pair",
  };
  await saveReviewDecision(store, decision, input.actor);
  return decision;
}
