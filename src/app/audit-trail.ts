import type { Principal } from "./principal.ts";

/** Who did it, as recorded: enough to name the account even after it is disabled. */
export interface AuditActor {
  readonly userId: string;
  readonly username: string;
  readonly role: Principal["role"];
  readonly via: Principal["via"];
}

export type AuditDetail = Readonly<Record<string, unknown>>;

/** One write, before the store places it in the chain. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: AuditActor;
  /** `user.create`, `review.decide`, `import.file`, … */
  readonly action: string;
  /** What was written: a username, hit key, import source, document hash, shipment id. */
  readonly subject: string;
  /** SHA-256 of the canonical JSON of the subject's state before and after, when it has one. */
  readonly beforeHash?: string;
  readonly afterHash?: string;
  readonly detail: AuditDetail;
}

/** An entry placed in the chain: `hash` covers `prevHash` and the entry (audit-trail-chain.ts). */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditQuery {
  /** Records with a greater seq only. */
  readonly afterSeq?: number;
  readonly limit?: number;
  /** Newest first (for `audit list`); oldest first otherwise. */
  readonly newestFirst?: boolean;
}

/**
 * The store's part in the audit trail: appends under a lock (the chain has one head), and reads
 * in seq order. Adapters seal records with `sealAuditRecord` inside their transaction.
 */
export interface AuditTrail {
  appendAuditEntry(entry: AuditEntry): Promise<AuditRecord>;
  auditRecords(query?: AuditQuery): Promise<readonly AuditRecord[]>;
}
