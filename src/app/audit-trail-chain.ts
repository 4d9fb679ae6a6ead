import { createHash } from "node:crypto";
import type { AuditEntry, AuditRecord } from "./audit-trail.ts";

/** The hash the first record follows. */
export const AUDIT_GENESIS = "0".repeat(64);

/**
 * JSON with object keys sorted and `undefined` members left out, so the same record always
 * hashes the same whichever store gave it back (PostgreSQL's json keeps text, SQLite keeps text,
 * and both parse to the same values).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${members.join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** SHA-256 of a state's canonical JSON: what `beforeHash`/`afterHash` hold. */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}

/** The fields the hash covers: the entry as recorded. The seq is its place, which the links prove. */
function hashedFields(entry: AuditEntry): AuditEntry {
  const { at, actor, action, subject, beforeHash, afterHash, detail } = entry;
  return {
    at,
    actor: { userId: actor.userId, username: actor.username, role: actor.role, via: actor.via },
    action,
    subject,
    ...(beforeHash === undefined ? {} : { beforeHash }),
    ...(afterHash === undefined ? {} : { afterHash }),
    detail,
  };
}

export function auditHash(prevHash: string, entry: AuditEntry): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(hashedFields(entry))}`);
}

/** Places an entry after the chain's head (`undefined` for the first record). */
export function sealAuditRecord(
  head: { readonly seq: number; readonly hash: string } | undefined,
  entry: AuditEntry,
): AuditRecord {
  const prevHash = head?.hash ?? AUDIT_GENESIS;
  return { ...hashedFields(entry), seq: (head?.seq ?? 0) + 1, prevHash, hash: auditHash(prevHash, entry) };
}
