import type { ListEntry } from "../ingest/index.ts";
import type { AuditEntry } from "./audit-trail.ts";

/** One loaded version of the reference lists: what `lists update` stored, dated. */
export interface ListVersion {
  /** 1 is the bundled snapshot (never stored); loaded versions count up from 2. */
  readonly version: number;
  readonly loadedAt: string;
  /** The file path or URL the version was read from. */
  readonly source: string;
  readonly format: string;
  /** SHA-256 of the loaded bytes, hex: loading the same file again adds no version. */
  readonly sha256: string;
  /** The lists the load replaced ("uflpa", "wro"); the others carry over from the previous version. */
  readonly lists: readonly string[];
  /** The latest effective date among the entries. */
  readonly asOf?: string;
  readonly entryCount: number;
}

/** A reviewer's decision on one screening hit. */
export interface ReviewDecision {
  /** `party:ID|ENTRY-ID`: the subject screened and the list entry it hit. */
  readonly hitKey: string;
  readonly subject: { readonly kind: "party" | "location"; readonly id: string };
  readonly entryId: string;
  /** The list entry's content when decided: a changed entry re-opens the hit. */
  readonly fingerprint: string;
  readonly status: "confirmed" | "dismissed";
  /** The matcher's score when decided: a confirmed hit the matcher later misses keeps it. */
  readonly score?: number;
  readonly reason: string;
  readonly user: string;
  readonly decidedAt: string;
  /** The list version the reviewer saw (absent on decisions made before it was recorded). */
  readonly listVersion?: number;
  /**
   * `pair` when the reviewer named the subject and list entry (`review confirm --party … --entry …`)
   * rather than a hit the screening produced; the decision applies the same way.
   */
  readonly decidedOn?: "hit" | "pair";
}

/** Which decisions `decisionHistory` returns; every given field must match. */
export interface DecisionFilter {
  readonly hitKey?: string;
  /** The hit's short id (`hit-…`, see `hitIdOf`), for callers that have only that. */
  readonly hit?: string;
  readonly subject?: { readonly kind: "party" | "location"; readonly id: string };
  readonly entryId?: string;
}

/**
 * The store's part in screening: dated list versions with their entries, and review decisions.
 * Every Store adapter implements it and passes `test/contract/screening.contract.ts`.
 */
export interface ScreeningRecords {
  /** Stores a new version (number = latest + 1, at least 2) with its entries, in one transaction. */
  addListVersion(version: Omit<ListVersion, "version">, entries: readonly ListEntry[]): Promise<ListVersion>;
  /** Every stored version, oldest first. */
  listVersions(): Promise<readonly ListVersion[]>;
  /** The entries of a stored version (empty for a version that does not exist), in id order. */
  listEntries(version: number): Promise<readonly ListEntry[]>;
  /**
   * Records a decision: it becomes the hit's current one and is added to the history (an earlier
   * decision is superseded, never lost). With `audit`, the audit record is appended in the same
   * transaction, its `beforeHash` the `stateHash` of the decision it supersedes as read in that
   * transaction (none for a hit's first decision): two decisions on one hit at once each record
   * the one they really replaced. The store also keeps the hit's short id for `hit` filters.
   */
  saveDecision(decision: ReviewDecision, audit?: AuditEntry): Promise<void>;
  /** The current decision of every hit, by hit key. */
  reviewDecisions(): Promise<readonly ReviewDecision[]>;
  /** Every decision ever saved that matches the filter, in the order they were made. */
  decisionHistory(filter?: DecisionFilter): Promise<readonly ReviewDecision[]>;
}
