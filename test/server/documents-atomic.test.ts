import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { addDocumentAs, type Principal, type Store } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

// A document upload and its audit record commit in one transaction, as a review decision does.
const dir = mkdtempSync(join(tmpdir(), "threadproof-doc-atomic-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "docatomic");
const ANALYST: Principal = { userId: "u-1", username: "ana", role: "analyst", via: "cli" };

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

async function check(store: Store): Promise<void> {
  const file = (text: string) => ({ name: "bol.txt", bytes: new TextEncoder().encode(text) });
  // An audit record that cannot be built (here: its builder throws) rolls the document back.
  await expect(
    store.registry.add(
      {
        sha256: "0".repeat(64),
        category: "bill-of-lading",
        fileName: "x.txt",
        mediaType: "text/plain",
        size: 1,
        language: "en",
        addedAt: new Date().toISOString(),
        links: [],
      },
      new TextEncoder().encode("x"),
      () => {
        throw new Error("audit refused");
      },
    ),
  ).rejects.toThrow(/registering x\.txt/);
  expect(await store.registry.list()).toEqual([]);
  expect(await store.registry.read("0".repeat(64))).toBeUndefined();
  expect(await store.auditRecords()).toEqual([]);

  // The normal path: the document and exactly one audit record naming its hash.
  const added = await addDocumentAs(store, ANALYST, file("BOL 1"), { type: "bol", refs: [] });
  const records = await store.auditRecords();
  expect(records.map((r) => [r.action, r.subject])).toEqual([
    ["document.add", `document:${added.document.sha256}`],
  ]);
  expect(records[0]?.afterHash).toMatch(/^[0-9a-f]{64}$/);
  expect((await store.registry.list()).map((d) => d.sha256)).toEqual([added.document.sha256]);
}

describe("document upload and its audit record are atomic", () => {
  it("on the embedded store", async () => {
    const store = await openStore(join(dir, "atomic.db"));
    try {
      await check(store);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!adminUrl)("on PostgreSQL", async () => {
    const store = await openStore(await databases.create());
    try {
      await check(store);
    } finally {
      await store.close();
    }
  });
});
