import { afterEach, describe, expect, it } from "vitest";
import {
  AUDIT_GENESIS,
  type AuditEntry,
  auditEntry,
  auditHash,
  type Principal,
  type SessionRecord,
  type Store,
  type UserRecord,
  verifyAudit,
} from "../../src/app/index.ts";
import { type PartyId, partyId } from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { ContractTarget } from "./store.contract.ts";

const ADMIN: Principal = { userId: "user:root", username: "root", role: "admin", via: "cli" };

function user(n: number, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id: `user:${n}`,
    username: `user${n}`,
    passwordHash: `scrypt$15$8$1$salt${n}$key${n}`,
    role: "analyst",
    createdAt: `2026-11-28T05:0${n}:00.000Z`,
    ...extra,
  };
}

function entry(action: string, subject: string, detail: Record<string, unknown> = {}): AuditEntry {
  return auditEntry(ADMIN, action, subject, { after: { subject }, detail, at: "2026-11-28T05:00:00.000Z" });
}

function session(n: number, userId: string): SessionRecord {
  return {
    idHash: `session-hash-${n}`,
    userId,
    csrfHash: `csrf-hash-${n}`,
    createdAt: "2026-11-28T05:00:00.000Z",
    expiresAt: "2026-11-28T17:00:00.000Z",
  };
}

/** Users, sessions, API tokens and the audit chain: the spec every Store adapter passes. */
export function describeAccountsContract(target: ContractTarget): void {
  const open: Store[] = [];
  const openNew = async (): Promise<Store> => {
    const store = await openStore(await target.fresh());
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  describe("accounts and audit", () => {
    it("stores a user with its audit record in the chain, and refuses a taken username", async () => {
      const store = await openNew();
      const supplier = user(1, { role: "supplier", partyId: partyId("p1") as PartyId });
      await store.insertUser(supplier, entry("user.create", "user1", { role: "supplier" }));
      expect(await store.findUser("user1")).toEqual(supplier);
      expect(await store.getUser("user:1")).toEqual(supplier);
      expect(await store.findUser("nobody")).toBeUndefined();
      const error = await store
        .insertUser(user(1, { id: "user:other" }), entry("user.create", "user1"))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "conflict" });
      const records = await store.auditRecords();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        seq: 1,
        action: "user.create",
        subject: "user1",
        prevHash: AUDIT_GENESIS,
      });
      expect(records[0]?.detail).toEqual({ role: "supplier" });
      expect(records[0]?.hash).toBe(auditHash(AUDIT_GENESIS, records[0] as AuditEntry));
    });

    it("disables a user once, ending its sessions", async () => {
      const store = await openNew();
      await store.insertUser(user(1), entry("user.create", "user1"));
      await store.insertUser(user(2), entry("user.create", "user2"));
      await store.insertSession(session(1, "user:1"));
      await store.insertSession(session(2, "user:2"));
      expect(await store.findSession("session-hash-1")).toEqual(session(1, "user:1"));
      const at = "2026-11-28T06:00:00.000Z";
      expect(await store.disableUserRecord("user:1", at, entry("user.disable", "user1"))).toBe(true);
      expect(await store.disableUserRecord("user:1", at, entry("user.disable", "user1"))).toBe(false);
      expect((await store.findUser("user1"))?.disabledAt).toBe(at);
      expect(await store.findSession("session-hash-1")).toBeUndefined();
      expect(await store.findSession("session-hash-2")).toBeDefined();
      await store.deleteSession("session-hash-2");
      expect(await store.findSession("session-hash-2")).toBeUndefined();
      expect((await store.userRecords()).map((u) => u.username)).toEqual(["user1", "user2"]);
      const expired = { ...session(3, "user:2"), expiresAt: "2026-11-28T05:30:00.000Z" };
      await store.insertSession(expired);
      await store.insertSession({ ...session(4, "user:2"), createdAt: "2026-11-28T06:00:00.000Z" });
      expect(await store.findSession(expired.idHash)).toBeUndefined();
      expect(await store.findSession("session-hash-4")).toBeDefined();
      expect((await store.auditRecords()).map((r) => r.action)).toEqual([
        "user.create",
        "user.create",
        "user.disable",
      ]);
    });

    it("keeps API tokens by hash, revokes once and records use", async () => {
      const store = await openNew();
      await store.insertUser(user(1), entry("user.create", "user1"));
      const token = {
        id: "tok_1",
        tokenHash: "token-hash-1",
        userId: "user:1",
        name: "ci",
        scopes: ["read"] as const,
        createdAt: "2026-11-28T05:10:00.000Z",
      };
      await store.insertApiToken(token, entry("token.create", "tok_1"));
      expect(await store.findApiToken("token-hash-1")).toEqual(token);
      await store.touchApiToken("tok_1", "2026-11-28T05:20:00.000Z");
      const at = "2026-11-28T05:30:00.000Z";
      expect(await store.revokeApiTokenRecord("tok_1", at, entry("token.revoke", "tok_1"))).toBe(true);
      expect(await store.revokeApiTokenRecord("tok_1", at, entry("token.revoke", "tok_1"))).toBe(false);
      expect(await store.revokeApiTokenRecord("tok_x", at, entry("token.revoke", "tok_x"))).toBe(false);
      expect(await store.apiTokenRecords()).toEqual([
        { ...token, lastUsedAt: "2026-11-28T05:20:00.000Z", revokedAt: at },
      ]);
      expect((await store.auditRecords()).map((r) => r.action)).toEqual([
        "user.create",
        "token.create",
        "token.revoke",
      ]);
    });

    it("saves a review decision and its audit record together", async () => {
      const store = await openNew();
      const decision = {
        hitKey: "party:party:p1|uflpa:x",
        subject: { kind: "party" as const, id: "party:p1" },
        entryId: "uflpa:x",
        fingerprint: "f1",
        status: "dismissed" as const,
        reason: "different company",
        user: "ann",
        decidedAt: "2026-11-28T05:40:00.000Z",
      };
      await store.saveDecision(decision, entry("review.decide", decision.hitKey, { status: "dismissed" }));
      await store.saveDecision({ ...decision, status: "confirmed" });
      expect((await store.reviewDecisions()).map((d) => d.status)).toEqual(["confirmed"]);
      expect((await store.auditRecords()).map((r) => [r.seq, r.action, r.subject])).toEqual([
        [1, "review.decide", decision.hitKey],
      ]);
    });

    it("chains concurrent appends without gaps and reads them by seq, both ways", async () => {
      const store = await openNew();
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.appendAuditEntry(entry("review.decide", `hit-${i}`, { i })),
        ),
      );
      const records = await store.auditRecords();
      expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      for (let i = 1; i < records.length; i++) expect(records[i]?.prevHash).toBe(records[i - 1]?.hash);
      expect((await store.auditRecords({ afterSeq: 10 })).map((r) => r.seq)).toEqual([11, 12]);
      expect((await store.auditRecords({ limit: 2, newestFirst: true })).map((r) => r.seq)).toEqual([12, 11]);
      expect(await verifyAudit(store)).toEqual({
        ok: true,
        records: 12,
        head: { seq: 12, hash: records[11]?.hash },
      });
    });
  });
}
