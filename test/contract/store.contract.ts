import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError, type Store, type WriteCounts } from "../../src/app/index.ts";
import {
  eventId,
  type LotId,
  lotId,
  partyId,
  type RecordBatch,
  type SupplyEvent,
} from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import {
  batchOf,
  fullBatch,
  importMeta,
  importSummary,
  retractionOf,
  sampleEvent,
  sampleLocation,
  sampleParty,
} from "./sample-records.ts";

/** What an adapter's test file supplies: a target (file path, database URL) no store has used. */
export interface ContractTarget {
  readonly kind: Store["kind"];
  fresh(): Promise<string>;
}

const NONE: WriteCounts = {
  parties: 0,
  locations: 0,
  lots: 0,
  events: 0,
  links: 0,
  documents: 0,
  retracted: 0,
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function importBatches(store: Store, ...batches: RecordBatch[]): Promise<WriteCounts[]> {
  const session = await store.beginImport(importMeta());
  const counts: WriteCounts[] = [];
  for (const b of batches) counts.push(await session.write(b));
  await session.commit(importSummary());
  return counts;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

/** A `gc()` for measuring retained memory (the test process is not started with --expose-gc). */
function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** The one spec every Store adapter passes. */
export function describeStoreContract(target: ContractTarget): void {
  const open: Store[] = [];
  const openNew = async (where?: string): Promise<Store> => {
    const store = await openStore(where ?? (await target.fresh()));
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  describe("writing and reading", () => {
    it("opens the kind of store the target names", async () => {
      const store = await openNew();
      expect(store.kind).toBe(target.kind);
    });

    it("reads back every record type exactly as written", async () => {
      const store = await openNew();
      const batch = fullBatch(3);
      const [counts] = await importBatches(store, batch);
      expect(counts).toEqual({
        parties: 3,
        locations: 3,
        lots: 3,
        events: 3,
        links: 3,
        documents: 3,
        retracted: 0,
      });
      expect(await collect(store.parties())).toEqual(byId(batch.parties));
      expect(await collect(store.locations())).toEqual(byId(batch.locations));
      expect(await collect(store.lots())).toEqual(byId(batch.lots));
      expect(await collect(store.events())).toEqual(byId(batch.events));
      expect(await collect(store.links())).toEqual(byId(batch.links));
      expect(await collect(store.documents())).toEqual(byId(batch.documents));
    });

    it("gets each record by id, and undefined for an unknown id", async () => {
      const store = await openNew();
      const batch = fullBatch(2);
      await importBatches(store, batch);
      const [party, location, lot, event] = [
        batch.parties[1],
        batch.locations[1],
        batch.lots[1],
        batch.events[1],
      ];
      if (!party || !location || !lot || !event) throw new Error("fullBatch(2) has two of each");
      expect(await store.getParty(party.id)).toEqual(party);
      expect(await store.getLocation(location.id)).toEqual(location);
      expect(await store.getLot(lot.id)).toEqual(lot);
      expect(await store.getEvent(event.id)).toEqual(event);
      expect(await store.getParty(partyId("nobody"))).toBeUndefined();
      expect(await store.getEvent(eventId("ni:///sha-256;missing"))).toBeUndefined();
    });

    it("treats a lot only mentioned by events as no lot record, until its master data arrives", async () => {
      const store = await openNew();
      const mentioned: LotId = lotId("lot:yarn-1");
      await importBatches(store, batchOf({ events: [sampleEvent(1)] }));
      expect(await store.getLot(mentioned)).toBeUndefined();
      expect(await collect(store.lots())).toEqual([]);
      const lot = {
        typeName: "lot",
        id: mentioned,
        product: "yarn",
        provenance: sampleEvent(1).provenance,
      } as const;
      const [counts] = await importBatches(store, batchOf({ lots: [lot, lot] }));
      expect(counts?.lots).toBe(1);
      expect(await store.getLot(mentioned)).toEqual(lot);
    });

    it("keeps the data when the store is closed and opened again", async () => {
      const where = await target.fresh();
      const first = await openStore(where);
      await importBatches(first, fullBatch(2));
      await first.close();
      const again = await openNew(where);
      expect((await again.stats()).events).toBe(2);
      expect(await collect(again.parties())).toEqual(byId(fullBatch(2).parties));
    });
  });

  describe("idempotence", () => {
    it("adds nothing when the same records are imported again", async () => {
      const store = await openNew();
      await importBatches(store, fullBatch(3));
      const before = await store.stats();
      const [again] = await importBatches(store, fullBatch(3));
      expect(again).toEqual(NONE);
      expect({ ...(await store.stats()), imports: before.imports }).toEqual(before);
    });

    it("counts a record repeated within one write once", async () => {
      const store = await openNew();
      const e = sampleEvent(1);
      const [counts] = await importBatches(
        store,
        batchOf({ events: [e, e], parties: [sampleParty(1), sampleParty(1)] }),
      );
      expect(counts).toMatchObject({ events: 1, parties: 1 });
    });
  });

  describe("the same record from another source", () => {
    it("completes a stored location and party instead of dropping the new facts", async () => {
      const store = await openNew();
      const location = sampleLocation(1, "CN");
      const party = sampleParty(1);
      await importBatches(store, batchOf({ locations: [location], parties: [party] }));
      const richer = {
        ...location,
        name: "another name",
        processingType: "ginning",
        identifiers: [{ scheme: "gln" as const, value: "6900001000013" }],
        provenance: { source: "facilities.csv", locator: "line 2" },
      };
      const otherName = {
        ...party,
        name: "新疆某某棉业有限公司",
        provenance: { source: "b.jsonl", locator: "entity 1" },
      };
      // Twice in one write, then once more: the second and third add nothing further.
      const [first, again] = await importBatches(
        store,
        batchOf({ locations: [richer, richer], parties: [otherName] }),
        batchOf({ locations: [richer], parties: [otherName] }),
      );
      expect(first).toMatchObject({ locations: 0, parties: 0 });
      expect(again).toMatchObject({ locations: 0, parties: 0 });
      const stored = await store.getLocation(location.id);
      expect(stored?.name).toBe(location.name);
      expect(stored?.processingType).toBe("ginning");
      expect(stored?.identifiers).toContainEqual({ scheme: "gln", value: "6900001000013" });
      expect(stored?.mergedFrom).toEqual([richer.provenance]);
      expect((await store.getParty(party.id))?.aliases).toContain("新疆某某棉业有限公司");
    });
  });

  describe("import sessions", () => {
    it("leaves the store unchanged on rollback", async () => {
      const store = await openNew();
      await importBatches(store, fullBatch(1));
      const before = await store.stats();
      const session = await store.beginImport(importMeta("rolled-back.json"));
      await session.write(fullBatch(3));
      await session.rollback();
      expect(await store.stats()).toEqual(before);
      expect(await store.importLog()).toHaveLength(1);
    });

    it("keeps an open import invisible until it commits", async () => {
      const store = await openNew();
      const session = await store.beginImport(importMeta());
      await session.write(fullBatch(2));
      expect((await store.stats()).events).toBe(0);
      expect(await collect(store.events())).toEqual([]);
      await session.commit(importSummary());
      expect((await store.stats()).events).toBe(2);
    });

    it("leaves nothing behind when a write fails mid-session and the import is rolled back", async () => {
      const store = await openNew();
      const session = await store.beginImport(importMeta());
      await session.write(fullBatch(2));
      const invalid = { ...sampleEvent(9), kind: "teleport" } as unknown as SupplyEvent;
      await expectCode(session.write(batchOf({ events: [sampleEvent(8), invalid] })), "store-failure");
      await expectCode(session.write(fullBatch(1)), "internal");
      await session.rollback();
      const stats = await store.stats();
      expect([stats.events, stats.parties, stats.imports]).toEqual([0, 0, 0]);
    });

    it("refuses to commit after a failed write", async () => {
      const store = await openNew();
      const session = await store.beginImport(importMeta());
      const invalid = { ...sampleParty(1), name: null } as unknown as RecordBatch["parties"][number];
      await expectCode(session.write(batchOf({ parties: [invalid] })), "store-failure");
      await expectCode(session.commit(importSummary()), "store-failure");
      expect((await store.stats()).imports).toBe(0);
      await session.rollback();
    });

    it("allows one import at a time", async () => {
      const store = await openNew();
      const session = await store.beginImport(importMeta());
      await expectCode(store.beginImport(importMeta()), "conflict");
      await session.rollback();
      const next = await store.beginImport(importMeta());
      await next.commit(importSummary());
    });

    it("logs each committed import with what it added", async () => {
      const store = await openNew();
      const session = await store.beginImport(importMeta("a.json"));
      await session.write(fullBatch(2));
      await session.write(batchOf({ events: [sampleEvent(7)] }));
      const entry = await session.commit({ sha256: "cd".repeat(32), skippedIssues: 4 });
      await importBatches(store, fullBatch(2));
      const log = await store.importLog();
      expect(log).toHaveLength(2);
      expect(log[0]).toEqual(entry);
      expect(entry).toMatchObject({
        source: "a.json",
        format: "epcis-json",
        sha256: "cd".repeat(32),
        skippedIssues: 4,
        added: { parties: 2, locations: 2, lots: 2, events: 3, links: 2, documents: 2, retracted: 0 },
      });
      expect(Date.parse(entry.finishedAt)).not.toBeNaN();
      expect(log[1]?.id).toBeGreaterThan(entry.id);
      expect(log[1]?.added).toEqual(NONE);
    });
  });

  describe("retraction", () => {
    it("marks a stored event retracted when its errorDeclaration arrives later", async () => {
      const store = await openNew();
      const original = sampleEvent(1);
      await importBatches(store, batchOf({ events: [original, sampleEvent(2)] }));
      const [counts] = await importBatches(store, batchOf({ events: [retractionOf(original)] }));
      expect(counts).toMatchObject({ events: 0, retracted: 1 });
      expect((await collect(store.events())).map((e) => e.id)).toEqual([sampleEvent(2).id]);
      const stored = await store.getEvent(original.id);
      expect(stored).toMatchObject({ retracted: true, errorDeclaration: { reason: "incorrect_data" } });
      expect(await collect(store.events({ includeRetracted: true }))).toHaveLength(2);
      const [again] = await importBatches(store, batchOf({ events: [retractionOf(original)] }));
      expect(again).toEqual(NONE);
    });

    it("matches a retraction by the sender's eventID", async () => {
      const store = await openNew();
      const original = sampleEvent(1);
      await importBatches(store, batchOf({ events: [original] }));
      const restated = retractionOf(original, { id: eventId("ni:///sha-256;restated?ver=CBV2.0") });
      const [counts] = await importBatches(store, batchOf({ events: [restated] }));
      expect(counts).toMatchObject({ events: 0, retracted: 1 });
      expect(await store.getEvent(restated.id)).toBeUndefined();
      expect((await store.stats()).retractedEvents).toBe(1);
    });

    it("stores a retraction that arrives first, and the original after it stays retracted", async () => {
      const store = await openNew();
      const original = sampleEvent(1);
      const [first] = await importBatches(store, batchOf({ events: [retractionOf(original)] }));
      expect(first).toMatchObject({ events: 1, retracted: 0 });
      const [second] = await importBatches(store, batchOf({ events: [original] }));
      expect(second).toEqual(NONE);
      expect(await store.getEvent(original.id)).toMatchObject({ retracted: true });
      expect(await collect(store.events())).toEqual([]);
    });

    it("stores an original restated under another hash as retracted when its retraction came first", async () => {
      const store = await openNew();
      const original = sampleEvent(1);
      const restated = retractionOf(original, { id: eventId("ni:///sha-256;restated?ver=CBV2.0") });
      await importBatches(store, batchOf({ events: [restated] }));
      const [counts] = await importBatches(store, batchOf({ events: [original] }));
      expect(counts?.events).toBe(1);
      expect(await store.getEvent(original.id)).toMatchObject({ retracted: true, errorDeclaration: {} });
      expect(await collect(store.events())).toEqual([]);
    });

    it("applies a retraction to its original in the same write, whichever comes first", async () => {
      const store = await openNew();
      const original = sampleEvent(1);
      const [counts] = await importBatches(store, batchOf({ events: [retractionOf(original), original] }));
      expect(counts).toMatchObject({ events: 1, retracted: 1 });
      expect((await store.stats()).retractedEvents).toBe(1);
    });
  });

  describe("statistics", () => {
    it("counts records, events by kind, locations by country and retracted events", async () => {
      const store = await openNew();
      const events = [sampleEvent(1, "origin"), sampleEvent(2, "origin"), sampleEvent(3, "ship")];
      const locations = [
        sampleLocation(1, "CN"),
        sampleLocation(2, "CN"),
        sampleLocation(3, "US"),
        sampleLocation(4),
      ];
      const batch = { ...fullBatch(2), events, locations };
      await importBatches(store, batch);
      await importBatches(store, batchOf({ events: [retractionOf(sampleEvent(3, "ship"))] }));
      expect(await store.stats()).toEqual({
        parties: 2,
        locations: 4,
        lots: 2,
        events: 3,
        retractedEvents: 1,
        links: 2,
        documents: 2,
        imports: 2,
        eventsByKind: { origin: 2, ship: 1 },
        locationsByCountry: { CN: 2, US: 1 },
      });
    });
  });

  describe("streaming", () => {
    it("closes while a listing is paused; the listing then fails or completes, never cut short", async () => {
      const where = await target.fresh();
      const store = await openStore(where);
      const session = await store.beginImport(importMeta());
      await session.write(batchOf({ events: [1, 2, 3].map((n) => sampleEvent(n, "observe")) }));
      await session.commit(importSummary());
      const listing = store.events()[Symbol.asyncIterator]();
      expect((await listing.next()).done).toBe(false);
      await store.close();
      const rest: unknown[] = [];
      const ended = await (async () => {
        for (let r = await listing.next(); !r.done; r = await listing.next()) rest.push(r.value);
      })().then(
        () => "completed",
        (e: unknown) => (isAppError(e) ? e.code : String(e)),
      );
      if (ended === "completed") expect(rest).toHaveLength(2);
      else expect(ended).toMatch(/^store-(unavailable|failure)$/);
      expect((await (await openNew(where)).stats()).events).toBe(3);
    });

    it("lists 20,000 events in id order without holding them all in memory", async () => {
      const store = await openNew();
      const total = 20_000;
      const padding = "x".repeat(2500);
      const session = await store.beginImport(importMeta());
      for (let start = 0; start < total; start += 2000) {
        const events = Array.from({ length: 2000 }, (_, i) =>
          sampleEvent(total - start - i, "observe", { extra: { padding: `${padding}${start + i}` } }),
        );
        await session.write(batchOf({ events }));
      }
      await session.commit(importSummary());

      const gc = exposeGc();
      gc();
      const base = process.memoryUsage().heapUsed;
      let peak = 0;
      let count = 0;
      let previous = "";
      let ordered = true;
      for await (const e of store.events()) {
        ordered &&= previous < e.id;
        previous = e.id;
        count += 1;
        if (count % 2000 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - base);
        }
      }
      expect(count).toBe(total);
      expect(ordered).toBe(true);
      // All 20,000 at once would be over 50 MB of padding alone.
      expect(peak).toBeLessThan(16 * 1024 * 1024);
    });
  });
}
