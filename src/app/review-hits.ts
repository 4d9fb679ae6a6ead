import type { ListEntry } from "../ingest/index.ts";
import { listsAtVersion } from "./current-lists.ts";
import { AppError } from "./errors.ts";
import { entryFingerprint, type HitSubject, saveReviewDecision } from "./hit-review.ts";
import type { Principal } from "./principal.ts";
import { type ReviewedMatch, type ScreeningRecord, screenStore } from "./screen-store.ts";
import type { ReviewDecision } from "./screening-records.ts";
import type { Store } from "./store.ts";

/** `threadproof review --json`: one line per hit that awaits a decision. */
export interface OpenHit extends ReviewedMatch {
  /** The record the hit was found on (a location's operator hits are listed under the operator). */
  readonly subject: { readonly kind: HitSubject["kind"]; readonly id: string; readonly name: string };
}

/** A hit's list entry as a reviewer compares it with our record: every name and where it is listed. */
export interface HitEntryDetail extends Pick<ListEntry, "aliases" | "formerNames" | "chineseNames"> {
  readonly id: string;
  readonly name: string;
  readonly list: string;
  readonly section?: string;
  readonly address?: string;
}

/** The hit's entity with the other names and address of its entry in the screened list version. */
export function withEntryDetail<H extends OpenHit>(
  hit: H,
  entries: ReadonlyMap<string, ListEntry>,
): H & { readonly entity: HitEntryDetail } {
  const entry = entries.get(hit.entity.id);
  const entity: HitEntryDetail = {
    ...hit.entity,
    aliases: entry?.aliases ?? [],
    formerNames: entry?.formerNames ?? [],
    chineseNames: entry?.chineseNames ?? [],
    ...(entry?.address ? { address: entry.address } : {}),
  };
  return { ...hit, entity };
}

export interface DecisionInput {
  /** `hit-…` as `screen` and `review` print it, or the full hit key. */
  readonly hit: string;
  readonly status: ReviewDecision["status"];
  readonly reason: string;
  readonly user: string;
  readonly decidedAt?: string;
  /** Who decides, for the audit trail (the CLI's or the signed-in user's principal). */
  readonly actor?: Principal;
}

function subjectOfKey(hitKey: string): { subject: HitSubject; entryId: string } {
  const bar = hitKey.lastIndexOf("|");
  const colon = hitKey.indexOf(":");
  const kind = hitKey.slice(0, colon) === "location" ? "location" : "party";
  return { subject: { kind, id: hitKey.slice(colon + 1, bar) }, entryId: hitKey.slice(bar + 1) };
}

/** Each hit once, on the record whose subject it is about. */
function distinctHits(records: readonly ScreeningRecord[]): OpenHit[] {
  const seen = new Map<string, OpenHit>();
  for (const r of records) {
    for (const m of r.results) {
      const own = m.hitKey.startsWith(`${r.subject.kind}:${r.subject.id}|`);
      if (!seen.has(m.hit) || own) seen.set(m.hit, { ...m, subject: r.subject });
    }
  }
  return [...seen.values()];
}

/** Hits with no decision, or whose list entry changed since it was decided; with `all`, decided ones too. */
export async function openHits(store: Store, options: { readonly all?: boolean } = {}): Promise<OpenHit[]> {
  const { records } = await screenStore(store);
  const hits = distinctHits(records);
  if (options.all) return hits;
  return hits.filter((h) => h.review.state === "open" || h.review.state === "reopened");
}

/**
 * Confirms or dismisses a hit the current screening produces. The decision records the list
 * entry's fingerprint: when the entry changes, the hit opens again.
 */
export async function decideHit(store: Store, input: DecisionInput): Promise<ReviewDecision> {
  if (!input.reason.trim()) throw new AppError("usage", "a decision needs a --reason");
  const { records, listVersion } = await screenStore(store);
  const match = records.flatMap((r) => r.results).find((m) => m.hit === input.hit || m.hitKey === input.hit);
  if (!match) throw new AppError("not-found", `no screening hit ${input.hit} (see \`threadproof review\`)`);
  const { subject, entryId } = subjectOfKey(match.hitKey);
  const entry = (await listsAtVersion(store)).entries.find((e) => e.id === entryId);
  if (!entry) throw new AppError("not-found", `list entry ${entryId} is not in the current list version`);
  const decision: ReviewDecision = {
    hitKey: match.hitKey,
    subject,
    entryId,
    fingerprint: entryFingerprint(entry),
    status: input.status,
    score: match.score,
    reason: input.reason.trim(),
    user: input.user,
    decidedAt: input.decidedAt ?? new Date().toISOString(),
    listVersion,
    decidedOn: "hit",
  };
  await saveReviewDecision(store, decision, input.actor);
  return decision;
}
