import { createHash } from "node:crypto";
import type { ListEntry } from "../ingest/index.ts";
import type { ReviewDecision } from "./screening-records.ts";

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
