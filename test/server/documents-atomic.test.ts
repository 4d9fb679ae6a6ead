import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDocumentAs, type Principal, type Store } from "../../src/app/index.ts";
import { storeTargets } from "../setup/store-targets.ts";

// A document upload and its audit record commit in one transaction, as a review decision does.
const TARGETS = storeTargets("docatomic");
const ANALYST: Principal = { userId: "u-1", username: "ana", role: "analyst", via: "cli" };

describe.each(TARGETS)("document upload and its audit record are atomic on $kind", (target) => {
  let store: Store;
  beforeAll(async () => {
    if (!target.skip) store = await target.open();
  });
  afterAll(async () => store?.close());

  it.skipIf(target.skip)("a failing audit record leaves no document, bytes or record behind", async () => {
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
  });

  it.skipIf(target.skip)(
    "an upload adds the document and exactly one audit record naming its hash",
    async () => {
      const file = { name: "bol.txt", bytes: new TextEncoder().encode("BOL 1") };
      const added = await addDocumentAs(store, ANALYST, file, { type: "bol", refs: [] });
      const records = await store.auditRecords();
      expect(records.map((r) => [r.action, r.subject])).toEqual([
        ["document.add", `document:${added.document.sha256}`],
      ]);
      expect(records[0]?.afterHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await store.registry.list()).map((d) => d.sha256)).toEqual([added.document.sha256]);
    },
  );
});
