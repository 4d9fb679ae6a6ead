import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendAudit, type Principal, verifyAudit } from "../../src/app/index.ts";
import { openSqliteStore } from "../../src/store/index.ts";
import { fullBatch, importMeta } from "../contract/sample-records.ts";
import { tempDir } from "../e2e/run-cli.ts";

const ANALYST: Principal = { userId: "user:ana", username: "ana", role: "analyst", via: "session" };

/** Whether a promise has settled after the event loop has had a few turns. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
  return done;
}

// The embedded store writes through one connection: a write made while an import's transaction is
// open must not join it (and vanish with its rollback), so it waits for the import to finish.
describe("SQLite: writes during an open import", () => {
  it("an audit record made during an import that rolls back is kept", async () => {
    const store = await openSqliteStore(join(tempDir(), "s.db"));
    try {
      const session = await store.beginImport(importMeta());
      await session.write(fullBatch());
      const audit = appendAudit(store, ANALYST, "review.decide", "hit-1", { detail: { reason: "x" } });
      expect(await settled(audit)).toBe(false);
      await session.rollback();
      await audit;
      expect((await store.stats()).events).toBe(0);
      expect(await store.auditRecords()).toHaveLength(1);
      expect((await verifyAudit(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("waits for a committing import too, and both are kept", async () => {
    const store = await openSqliteStore(join(tempDir(), "s.db"));
    try {
      const session = await store.beginImport(importMeta());
      await session.write(fullBatch());
      const audit = appendAudit(store, ANALYST, "user.add", "user:x");
      expect(await settled(audit)).toBe(false);
      await session.commit({ sha256: "0".repeat(64), skippedIssues: 0 });
      await audit;
      expect((await store.stats()).events).toBeGreaterThan(0);
      expect(await store.auditRecords()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it("a document registered during an import waits for it instead of being refused", async () => {
    const store = await openSqliteStore(join(tempDir(), "s.db"));
    try {
      const session = await store.beginImport(importMeta());
      await session.write(fullBatch());
      const bytes = new TextEncoder().encode("an invoice");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const added = store.registry.add(
        {
          sha256,
          category: "commercial-invoice",
          fileName: "inv.txt",
          mediaType: "text/plain",
          size: bytes.length,
          language: "en",
          addedAt: "2026-11-28T00:00:00Z",
          links: [],
        },
        bytes,
      );
      expect(await settled(added)).toBe(false);
      await session.commit({ sha256: "0".repeat(64), skippedIssues: 0 });
      expect((await added).added).toBe(true);
      expect((await store.registry.list()).map((d) => d.sha256)).toEqual([sha256]);
    } finally {
      await store.close();
    }
  });
});
