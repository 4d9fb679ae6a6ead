import type { PartyId } from "../model/index.ts";
import type { AuditEntry } from "./audit-trail.ts";
import type { Role } from "./principal.ts";

/** An account as stored. Only the scrypt hash of the password is kept, never the password. */
export interface UserRecord {
  readonly id: string;
  readonly username: string;
  /** `scrypt$N$r$p$salt$hash` (see passwords.ts): the parameters travel with the hash. */
  readonly passwordHash: string;
  readonly role: Role;
  /** Suppliers only: the party whose data the account may see and write. */
  readonly partyId?: PartyId;
  readonly createdAt: string;
  readonly disabledAt?: string;
}

/** A signed-in browser session; the cookie's value and the CSRF token are stored as SHA-256 only. */
export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** What an API token may do besides acting as its user: reading, writing, administering. */
export type TokenScope = "read" | "write" | "admin";

export const TOKEN_SCOPES: readonly TokenScope[] = ["read", "write", "admin"];

/** An API token as stored: the token itself is shown once at creation and kept only as SHA-256. */
export interface ApiTokenRecord {
  readonly id: string;
  readonly tokenHash: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}

/**
 * The store's part in accounts. Every change to users and tokens takes the audit entry that
 * records it and writes both in one transaction: a user change is never left without its record.
 * Every Store adapter implements it and passes `test/contract/accounts.contract.ts`.
 */
export interface AccountRecords {
  /** A taken username is a `conflict`. */
  insertUser(user: UserRecord, audit: AuditEntry): Promise<void>;
  /** Sets `disabledAt` and drops the user's sessions; false when there is no such user. */
  disableUserRecord(userId: string, at: string, audit: AuditEntry): Promise<boolean>;
  findUser(username: string): Promise<UserRecord | undefined>;
  getUser(userId: string): Promise<UserRecord | undefined>;
  /** Every account, by username. */
  userRecords(): Promise<readonly UserRecord[]>;
  /** Also drops every session that expired by the new one's `createdAt`, so ended sessions do not pile up. */
  insertSession(session: SessionRecord): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  insertApiToken(token: ApiTokenRecord, audit: AuditEntry): Promise<void>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** Every token (revoked ones too), by creation time. */
  apiTokenRecords(): Promise<readonly ApiTokenRecord[]>;
  /** Sets `revokedAt` once; false when there is no such token or it was already revoked. */
  revokeApiTokenRecord(tokenId: string, at: string, audit: AuditEntry): Promise<boolean>;
  touchApiToken(tokenId: string, at: string): Promise<void>;
}
