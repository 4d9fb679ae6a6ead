import type { AuditActor, AuditDetail, AuditEntry, AuditRecord } from "./audit-trail.ts";
import { stateHash } from "./audit-trail-chain.ts";
import type { Principal } from "./principal.ts";
import type { Store } from "./store.ts";

export interface AuditChange {
  /** The subject's state before the write (absent for a creation); only its hash is kept. */
  readonly before?: unknown;
  /** The subject's state after the write (absent for a deletion); only its hash is kept. */
  readonly after?: unknown;
  /** What a reader of `audit list` needs: never a password or token. */
  readonly detail?: AuditDetail;
  /** ISO timestamp (default: now). */
  readonly at?: string;
}

/**
 * The actor of writes whose caller named nobody (a library call): recorded as such, so an
 * unattributed write shows up in `audit list` instead of going unrecorded.
 */
export const UNATTRIBUTED: Principal = {
  userId: "unattributed",
  username: "unattributed",
  role: "admin",
  via: "cli",
};

export function auditActor(principal: Principal): AuditActor {
  const { userId, username, role, via } = principal;
  return { userId, username, role, via };
}

/** An entry for the store to seal; account writes pass it to the store with the write itself. */
export function auditEntry(
  principal: Principal,
  action: string,
  subject: string,
  change: AuditChange = {},
): AuditEntry {
  return {
    at: change.at ?? new Date().toISOString(),
    actor: auditActor(principal),
    action,
    subject,
    ...(change.before === undefined ? {} : { beforeHash: stateHash(change.before) }),
    ...(change.after === undefined ? {} : { afterHash: stateHash(change.after) }),
    detail: change.detail ?? {},
  };
}

/**
 * Appends one record to the chain. Writers whose store write is its own transaction (imports,
 * review decisions, documents) call this right after it commits: a crash between the two leaves
 * the write without its record but never a broken chain.
 */
export function appendAudit(
  store: Store,
  principal: Principal,
  action: string,
  subject: string,
  change: AuditChange = {},
): Promise<AuditRecord> {
  return store.appendAuditEntry(auditEntry(principal, action, subject, change));
}
