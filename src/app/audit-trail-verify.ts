import type { AuditRecord } from "./audit-trail.ts";
import { AUDIT_GENESIS, auditHash } from "./audit-trail-chain.ts";
import type { Store } from "./store.ts";

export type AuditProblem = "altered" | "deleted" | "reordered";

export type AuditVerification =
  | {
      readonly ok: true;
      readonly records: number;
      /** The last record: keep its seq and hash with backups to detect a truncated tail later. */
      readonly head?: { readonly seq: number; readonly hash: string };
    }
  | {
      readonly ok: false;
      readonly records: number;
      /** The first record that fails (for a deletion: the first missing seq). */
      readonly seq: number;
      readonly problem: AuditProblem;
      readonly message: string;
    };

const PAGE = 5000;

async function allRecords(store: Store): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for (;;) {
    const last = all.at(-1)?.seq;
    const page = await store.auditRecords({ ...(last === undefined ? {} : { afterSeq: last }), limit: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

function brokenLink(records: readonly AuditRecord[], i: number): AuditVerification {
  const r = records[i] as AuditRecord;
  const prev = records[i - 1];
  const later = records.slice(i + 1).find((x) => x.hash === r.prevHash);
  if (later) {
    return {
      ok: false,
      records: records.length,
      seq: r.seq,
      problem: "reordered",
      message: `audit record ${r.seq} follows record ${later.seq}, which comes after it: records were reordered`,
    };
  }
  if (prev && r.seq === prev.seq + 1) {
    // Nothing is missing between them: the record before was rewritten, hash and all.
    return {
      ok: false,
      records: records.length,
      seq: prev.seq,
      problem: "altered",
      message: `audit record ${prev.seq} (${prev.action} ${prev.subject}) was altered and re-hashed: record ${r.seq} no longer follows it`,
    };
  }
  const missing = (prev?.seq ?? 0) + 1;
  const after = prev ? `record ${prev.seq}` : "the start of the chain";
  return {
    ok: false,
    records: records.length,
    seq: missing,
    problem: "deleted",
    message: `audit record ${missing} is missing: record ${r.seq} does not follow ${after} (deleted)`,
  };
}

/**
 * Walks the chain in seq order: every record must hash to its stored hash (else it was altered)
 * and follow the hash of the record before it (else one was deleted, or records were reordered).
 * A truncated tail leaves a valid chain: compare `head` with the one kept from a backup.
 */
export async function verifyAudit(store: Store): Promise<AuditVerification> {
  const records = await allRecords(store);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as AuditRecord;
    if (auditHash(r.prevHash, r) !== r.hash) {
      return {
        ok: false,
        records: records.length,
        seq: r.seq,
        problem: "altered",
        message: `audit record ${r.seq} (${r.action} ${r.subject}) was altered: its content no longer matches its hash`,
      };
    }
    const expected = i === 0 ? AUDIT_GENESIS : (records[i - 1] as AuditRecord).hash;
    if (r.prevHash !== expected) return brokenLink(records, i);
  }
  const last = records.at(-1);
  return { ok: true, records: records.length, ...(last ? { head: { seq: last.seq, hash: last.hash } } : {}) };
}
