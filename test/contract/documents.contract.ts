import { createHash } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  addDocument,
  isAppError,
  listDocuments,
  type RegisteredDocument,
  type Store,
  showDocument,
  verifyDocuments,
} from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import {
  batchOf,
  importMeta,
  importSummary,
  sampleDocument,
  sampleEvent,
  sampleLot,
} from "./sample-records.ts";
import type { ContractTarget } from "./store.contract.ts";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function record(bytes: Uint8Array, extra: Partial<RegisteredDocument> = {}): RegisteredDocument {
  return {
    sha256: sha256(bytes),
    category: "commercial-invoice",
    fileName: "invoice.pdf",
    mediaType: "application/pdf",
    size: bytes.byteLength,
    language: "en",
    addedAt: "2024-05-01T00:00:00.000Z",
    links: [{ kind: "biz-transaction", ref: "INV-1" }],
    ...extra,
  };
}

/** Changes the stored bytes behind the adapter's back: the file beside the database, or the row. */
async function tamper(kind: Store["kind"], target: string, sha: string, bytes?: Uint8Array): Promise<void> {
  if (kind === "sqlite") {
    const path = join(`${target}.documents`, sha.slice(0, 2), sha.slice(2));
    if (bytes) writeFileSync(path, bytes);
    else rmSync(path);
    return;
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    if (bytes)
      await client.query("update registry_contents set bytes = $1 where sha256 = $2", [
        Buffer.from(bytes),
        sha,
      ]);
    else await client.query("delete from registry_contents where sha256 = $1", [sha]);
  } finally {
    await client.end();
  }
}

/** A document whose add must fail part-way: the SQLite folder is blocked, PostgreSQL text cannot hold NUL. */
function failingAdd(kind: Store["kind"], target: string, bytes: Uint8Array): RegisteredDocument {
  if (kind === "sqlite") {
    writeFileSync(`${target}.documents`, "not a folder");
    return record(bytes);
  }
  return record(bytes, {
    links: [
      { kind: "lot", ref: "lot:a" },
      { kind: "lot", ref: "bad\u0000ref" },
    ],
  });
}

/** The document registry spec every Store adapter passes. */
export function describeDocumentsContract(target: ContractTarget): void {
  const open: Store[] = [];
  const openAt = async (where: string): Promise<Store> => {
    const store = await openStore(where);
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  describe(`document registry: ${target.kind}`, () => {
    it("stores a file by its SHA-256 and reads it back, record and bytes", async () => {
      const store = await openAt(await target.fresh());
      const bytes = text("Commercial invoice INV-1\n");
      const result = await store.registry.add(record(bytes, { date: "2024-03-01", note: "scan" }), bytes);
      expect(result.added).toBe(true);
      expect(result.newLinks).toEqual([{ kind: "biz-transaction", ref: "INV-1" }]);
      expect(result.document).toEqual(record(bytes, { date: "2024-03-01", note: "scan" }));
      expect(await store.registry.list()).toEqual([result.document]);
      expect(await store.registry.read(sha256(bytes))).toEqual(bytes);
      expect(await store.registry.read("0".repeat(64))).toBeUndefined();
    });

    it("keeps the first record when the same bytes come again, merging links and filling gaps", async () => {
      const store = await openAt(await target.fresh());
      const bytes = text("Packing list PL-7\n");
      await store.registry.add(record(bytes, { category: "packing-list", fileName: "pl.txt" }), bytes);
      const again = await store.registry.add(
        record(bytes, {
          category: "commercial-invoice",
          fileName: "renamed.txt",
          date: "2024-04-02",
          addedAt: "2025-01-01T00:00:00.000Z",
          links: [
            { kind: "lot", ref: "urn:epc:class:lgtin:0614141.012345.L1" },
            { kind: "biz-transaction", ref: "INV-1" },
          ],
        }),
        bytes,
      );
      expect(again.added).toBe(false);
      expect(again.newLinks).toEqual([{ kind: "lot", ref: "urn:epc:class:lgtin:0614141.012345.L1" }]);
      expect(again.document).toMatchObject({
        category: "packing-list",
        fileName: "pl.txt",
        date: "2024-04-02",
        addedAt: "2024-05-01T00:00:00.000Z",
      });
      expect(again.document.links).toEqual([
        { kind: "biz-transaction", ref: "INV-1" },
        { kind: "lot", ref: "urn:epc:class:lgtin:0614141.012345.L1" },
      ]);
      expect(await store.registry.list()).toHaveLength(1);
    });

    it("lists documents by SHA-256 and keeps them across a reopen", async () => {
      const where = await target.fresh();
      const store = await openAt(where);
      const files = ["a", "b", "c", "d"].map((s) => text(`document ${s}\n`));
      for (const bytes of files) await store.registry.add(record(bytes), bytes);
      await store.close();
      open.splice(0);
      const reopened = await openAt(where);
      const listed = await reopened.registry.list();
      expect(listed.map((d) => d.sha256)).toEqual(files.map(sha256).sort());
    });

    it("verify finds changed and missing bytes; re-adding the original repairs them", async () => {
      const where = await target.fresh();
      const store = await openAt(where);
      const [kept, changed, gone] = ["kept", "changed", "gone"].map((s) => text(`${s}\n`)) as [
        Uint8Array,
        Uint8Array,
        Uint8Array,
      ];
      for (const bytes of [kept, changed, gone]) await store.registry.add(record(bytes), bytes);
      await tamper(target.kind, where, sha256(changed), text("forged\n"));
      await tamper(target.kind, where, sha256(gone));
      const status = async () =>
        Object.fromEntries((await verifyDocuments(store)).map((c) => [c.sha256, c.status]));
      expect(await status()).toEqual({
        [sha256(kept)]: "ok",
        [sha256(changed)]: "changed",
        [sha256(gone)]: "missing",
      });
      await store.registry.add(record(changed), changed);
      await store.registry.add(record(gone), gone);
      expect(Object.values(await status())).toEqual(["ok", "ok", "ok"]);
    });

    it("leaves nothing behind when an add fails part-way", async () => {
      const where = await target.fresh();
      const store = await openAt(where);
      const bytes = text("will not be stored\n");
      const error = await store.registry.add(failingAdd(target.kind, where, bytes), bytes).catch((e) => e);
      expect(isAppError(error) && error.code).toBe("store-failure");
      expect(await store.registry.list()).toEqual([]);
      expect(await store.registry.read(sha256(bytes))).toBeUndefined();
      if (target.kind === "sqlite")
        expect(existsSync(join(`${where}.documents`, sha256(bytes).slice(0, 2)))).toBe(false);
    });

    it("types refs by what they name in the store and links transactions to their events when read", async () => {
      const store = await openAt(await target.fresh());
      const event = sampleEvent(1);
      const session = await store.beginImport(importMeta());
      await session.write(batchOf({ lots: [sampleLot(1)], events: [event], documents: [sampleDocument(1)] }));
      await session.commit(importSummary());
      const bytes = text("Purchase order PO-1\n");
      const added = await addDocument(
        store,
        { name: "scans/po-1.txt", bytes },
        { type: "po", refs: [sampleLot(1).id, "PO-1", "BOL-NOT-YET"], date: "2024-02-29" },
      );
      expect(added.document).toMatchObject({
        category: "purchase-order",
        fileName: "po-1.txt",
        mediaType: "text/plain",
      });
      expect(added.document.links).toEqual([
        { kind: "biz-transaction", ref: "BOL-NOT-YET" },
        { kind: "biz-transaction", ref: "PO-1" },
        { kind: "lot", ref: sampleLot(1).id },
      ]);
      expect(added.issues.map((i) => [i.code, i.provenance.locator])).toEqual([
        ["unknown-ref", "BOL-NOT-YET"],
      ]);
      const shown = await showDocument(store, sha256(bytes).slice(0, 8));
      expect(shown.events).toEqual([event.id]);
      expect(shown.issues.map((i) => i.provenance.locator)).toEqual(["BOL-NOT-YET"]);
      expect((await listDocuments(store, { ref: event.id })).map((d) => d.sha256)).toEqual([sha256(bytes)]);
      expect(await listDocuments(store, { type: "invoice" })).toEqual([]);
    });
  });
}
