import { afterEach, describe, expect, it } from "vitest";
import type { DataScope, Store } from "../../src/app/index.ts";
import {
  documentRefId,
  type Link,
  type Location,
  linkId,
  locationId,
  lotId,
  type PartyId,
  partyId,
  provenance,
  type SupplyEvent,
} from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import {
  batchOf,
  importMeta,
  importSummary,
  retractionOf,
  sampleDocument,
  sampleEvent,
  sampleLocation,
  sampleLot,
  sampleParty,
} from "./sample-records.ts";
import type { ContractTarget } from "./store.contract.ts";

const X = partyId("p1");
const Y = partyId("p2");
const loc = (n: number) => sampleLocation(n).id;
const lot = (n: number) => sampleLot(n).id;

/** An event at location `at` naming lot n as input (as sampleEvent does), with its own id. */
function eventAt(
  n: number,
  at: number,
  kind: SupplyEvent["kind"],
  extra: Partial<SupplyEvent> = {},
): SupplyEvent {
  return sampleEvent(n, kind, { readPoint: loc(at), bizLocation: loc(at), ...extra });
}

/**
 * X (p1) operates location 1 and owns location 3 through a link; Y (p2) operates location 2;
 * p3 is named operator of location 3 too. Lot 1 is made at 1 and received at 2 (so Y holds it
 * too); lot 2 only at 2; lot 3 at 3. Event 5 at location 2 was retracted.
 */
async function seed(store: Store): Promise<void> {
  const owns: Link = {
    typeName: "link",
    id: linkId("x-owns-3"),
    kind: "owns",
    from: X,
    to: loc(3),
    provenance: provenance("scoped.json", "link"),
  };
  const us: Location = { ...sampleLocation(2, "US"), name: "Dallas 100% Mill_" };
  const received = eventAt(4, 2, "receive", {
    inputs: [],
    quantities: [{ lot: lot(1), quantity: 5, uom: "KGM" }],
  });
  const session = await store.beginImport(importMeta());
  await session.write(
    batchOf({
      parties: [sampleParty(1), sampleParty(2, "US"), sampleParty(3)],
      locations: [sampleLocation(1, "CN"), us, sampleLocation(3, "CN")],
      lots: [1, 2, 3, 5].map(sampleLot),
      events: [
        eventAt(1, 1, "transform"),
        eventAt(2, 2, "transform"),
        eventAt(3, 3, "origin"),
        received,
        eventAt(5, 2, "transform"),
      ],
      links: [owns],
      documents: [1, 2, 3, 4].map(sampleDocument),
    }),
  );
  await session.write(batchOf({ events: [retractionOf(eventAt(5, 2, "transform"))] }));
  await session.commit(importSummary());
}

const supplier = (partyId: PartyId): DataScope => ({ kind: "party", partyId });
const ALL: DataScope = { kind: "all" };
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const PAGE = { limit: 100 };

export function describeScopedReadsContract(target: ContractTarget): void {
  describe(`scoped reads (${target.kind})`, () => {
    let store: Store | undefined;
    const open = async () => {
      store = await openStore(await target.fresh());
      await seed(store);
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it("shows a supplier its own party, the locations it operates or owns, and what happened there", async () => {
      const s = await open();
      const x = supplier(X);
      expect(ids(await s.scopedParties(x, PAGE))).toEqual([X]);
      expect(ids(await s.scopedLocations(x, PAGE))).toEqual([loc(1), loc(3)]);
      expect(ids(await s.scopedLots(x, PAGE))).toEqual([lot(1), lot(3)]);
      expect(ids(await s.scopedEvents(x, PAGE))).toEqual([sampleEvent(1).id, sampleEvent(3).id]);
      expect(ids(await s.scopedDocumentRefs(x, PAGE))).toEqual([sampleDocument(1).id, sampleDocument(3).id]);
    });

    it("never returns another supplier's rows, listed or by id", async () => {
      const s = await open();
      const y = supplier(Y);
      expect(ids(await s.scopedParties(y, PAGE))).toEqual([Y]);
      expect(ids(await s.scopedLocations(y, PAGE))).toEqual([loc(2)]);
      // Lot 1 was received at Y's mill, so Y holds it; lot 3 never came near Y.
      expect(ids(await s.scopedLots(y, PAGE))).toEqual([lot(1), lot(2)]);
      expect(ids(await s.scopedEvents(y, PAGE))).toEqual([sampleEvent(2).id, sampleEvent(4).id]);
      expect(ids(await s.scopedDocumentRefs(y, PAGE))).toEqual([sampleDocument(2).id, sampleDocument(4).id]);
      expect(await s.inScope(y, "party", X)).toBe(false);
      expect(await s.inScope(y, "location", loc(1))).toBe(false);
      expect(await s.inScope(y, "lot", lot(3))).toBe(false);
      expect(await s.inScope(y, "event", sampleEvent(1).id)).toBe(false);
      expect(await s.inScope(y, "document-ref", sampleDocument(1).id)).toBe(false);
      expect(await s.inScope(y, "lot", lot(1))).toBe(true);
      expect(await s.inScope(y, "location", loc(2))).toBe(true);
    });

    it("shows an unknown party nothing, and a location's named operator what happened there", async () => {
      const s = await open();
      const nobody = supplier(partyId("p3-unknown"));
      expect(await s.scopedParties(nobody, PAGE)).toEqual([]);
      expect(ids(await s.scopedLots(supplier(partyId("p3")), PAGE))).toEqual([lot(3)]);
      expect(ids(await s.scopedLocations(supplier(partyId("p3")), PAGE))).toEqual([loc(3)]);
    });

    it("shows everything to the `all` scope, retracted events only when asked", async () => {
      const s = await open();
      expect(ids(await s.scopedParties(ALL, PAGE))).toEqual([X, Y, partyId("p3")]);
      expect(await s.scopedLocations(ALL, PAGE)).toHaveLength(3);
      expect(await s.scopedLots(ALL, PAGE)).toHaveLength(4);
      expect(await s.scopedEvents(ALL, PAGE)).toHaveLength(4);
      expect(await s.scopedEvents(ALL, { ...PAGE, includeRetracted: true })).toHaveLength(5);
      expect(await s.inScope(ALL, "lot", lotId("lot:no-such-lot"))).toBe(false);
    });

    it("pages in id order after the cursor", async () => {
      const s = await open();
      const first = await s.scopedLocations(ALL, { limit: 2 });
      const rest = await s.scopedLocations(ALL, { limit: 2, after: first.at(-1)?.id ?? "" });
      expect([...ids(first), ...ids(rest)]).toEqual([loc(1), loc(2), loc(3)]);
      expect(rest).toHaveLength(1);
    });

    it("filters by name, country, lot, location and kind; wildcards and quotes are plain text", async () => {
      const s = await open();
      expect(ids(await s.scopedLocations(ALL, { ...PAGE, q: "100%" }))).toEqual([loc(2)]);
      expect(ids(await s.scopedLocations(ALL, { ...PAGE, q: "mill_" }))).toEqual([loc(2)]);
      expect(await s.scopedLocations(ALL, { ...PAGE, q: "' or 1=1 --" })).toEqual([]);
      expect(ids(await s.scopedLocations(ALL, { ...PAGE, country: "CN" }))).toEqual([loc(1), loc(3)]);
      expect(ids(await s.scopedParties(ALL, { ...PAGE, q: "cotton 2", country: "US" }))).toEqual([]);
      expect(ids(await s.scopedParties(ALL, { ...PAGE, country: "US" }))).toEqual([Y]);
      expect(ids(await s.scopedParties(ALL, { ...PAGE, q: "棉业有限公司 3" }))).toEqual([partyId("p3")]);
      expect(ids(await s.scopedEvents(ALL, { ...PAGE, lot: lot(1) }))).toEqual([
        sampleEvent(1).id,
        sampleEvent(4).id,
      ]);
      expect(
        ids(await s.scopedEvents(ALL, { ...PAGE, location: locationId(loc(2)), kind: "receive" })),
      ).toEqual([sampleEvent(4).id]);
      expect(ids(await s.scopedEvents(supplier(X), { ...PAGE, lot: lot(2) }))).toEqual([]);
      expect(ids(await s.scopedDocumentRefs(ALL, { ...PAGE, event: sampleEvent(2).id }))).toEqual([
        sampleDocument(2).id,
      ]);
      // By id (what a lot's detail asks, with the ids its events cite): in id order, with the event
      // and the caller's scope still applied, and nothing for an empty list.
      const byIds = [sampleDocument(3).id, sampleDocument(1).id, documentRefId("po", "PO-none")];
      expect(ids(await s.scopedDocumentRefs(ALL, { ...PAGE, ids: byIds }))).toEqual([
        sampleDocument(1).id,
        sampleDocument(3).id,
      ]);
      expect(ids(await s.scopedDocumentRefs(ALL, { ...PAGE, ids: byIds, event: sampleEvent(3).id }))).toEqual(
        [sampleDocument(3).id],
      );
      expect(ids(await s.scopedDocumentRefs(supplier(Y), { ...PAGE, ids: byIds }))).toEqual([]);
      expect(ids(await s.scopedDocumentRefs(supplier(X), { ...PAGE, ids: byIds }))).toEqual([
        sampleDocument(1).id,
        sampleDocument(3).id,
      ]);
      expect(ids(await s.scopedDocumentRefs(ALL, { ...PAGE, ids: [] }))).toEqual([]);
    });
  });
}
