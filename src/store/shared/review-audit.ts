import { type AuditEntry, type ReviewDecision, stateHash } from "../../app/index.ts";

/**
 * A review decision's audit entry with the before-hash of the decision it supersedes, as the
 * saving transaction read it (none for a hit's first decision), whatever the caller guessed.
 */
export function withBefore(audit: AuditEntry, before: ReviewDecision | undefined): AuditEntry {
  const { beforeHash: _guessed, ...entry } = audit;
  return before === undefined ? entry : { ...entry, beforeHash: stateHash(before) };
}
