import {
  type DocumentRef,
  documentRefId,
  type Location,
  type Lot,
  type Party,
  type SupplyEvent,
} from "../model/index.ts";
import type { RegisteredDocument } from "./document-registry.ts";
import { AppError } from "./errors.ts";
import { listDocuments } from "./find-documents.ts";
import type { DataScope } from "./principal.ts";
import type { ReadModel } from "./read-model.ts";
import {
  type HitCounts,
  hitCountsBySubject,
  type ListingPage,
  type LocationRow,
  locationRow,
  partyNamesOf,
} from "./record-listings.ts";
import type { EventFilter, PageRequest, ScopedKind } from "./scoped-reads.ts";
import type { Store } from "./store.ts";

export interface PartyDetail {
  readonly party: Party;
  readonly hits: HitCounts;
  readonly locations: readonly Location[];
}

export interface LotDetail {
  readonly lot: Lot;
  readonly events: readonly SupplyEvent[];
  readonly documentRefs: readonly DocumentRef[];
  readonly documents: readonly RegisteredDocument[];
}

/** Most rows a detail embeds (a lot's events, a party's locations); listings page beyond. */
const DETAIL_ROWS = 1000;

/**
 * Outside the caller's scope and absent look the same: a supplier asking for another party's
 * record learns nothing, not even that it exists.
 */
async function visible(store: Store, scope: DataScope, kind: ScopedKind, id: string): Promise<void> {
  if (!(await store.inScope(scope, kind, id))) throw new AppError("not-found", `no ${kind} ${id}`);
}

function found<T>(record: T | undefined, kind: string, id: string): T {
  if (record === undefined) throw new AppError("not-found", `no ${kind} ${id}`);
  return record;
}

/** A page of a store listing: one row more than asked tells whether another page exists. */
export async function sqlPage<T extends { readonly id: string }>(
  read: (page: PageRequest) => Promise<readonly T[]>,
  page: PageRequest,
): Promise<ListingPage<T>> {
  const rows = await read({ ...page, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  return { items, next: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function partyDetail(
  store: Store,
  model: ReadModel,
  scope: DataScope,
  id: string,
): Promise<PartyDetail> {
  await visible(store, scope, "party", id);
  const party = found(await store.getParty(id as Party["id"]), "party", id);
  const counts = hitCountsBySubject((await model.screening()).records);
  const operated = await store.scopedLocations({ kind: "party", partyId: party.id }, { limit: DETAIL_ROWS });
  return {
    party,
    hits: counts.get(`party:${id}`) ?? { open: 0, confirmed: 0, dismissed: 0 },
    locations: operated,
  };
}

export async function locationDetail(
  store: Store,
  model: ReadModel,
  scope: DataScope,
  id: string,
): Promise<LocationRow> {
  await visible(store, scope, "location", id);
  const location = found(await store.getLocation(id as Location["id"]), "location", id);
  const records = (await model.screening()).records;
  return locationRow(location, hitCountsBySubject(records), partyNamesOf(records));
}

export async function eventDetail(store: Store, scope: DataScope, id: string): Promise<SupplyEvent> {
  await visible(store, scope, "event", id);
  return found(await store.getEvent(id as SupplyEvent["id"]), "event", id);
}

/**
 * The ids of the document references an event cites, as the importers make them from its business
 * transactions (an EPCIS transaction without a type is filed under "bt", a CSV row's under its type).
 */
function citedRefIds(e: SupplyEvent): string[] {
  return e.bizTransactions.flatMap((bt) =>
    bt.type ? [documentRefId(bt.type, bt.id)] : [documentRefId("bt", bt.id), documentRefId("", bt.id)],
  );
}

/** A lot with every event naming it (oldest first), the documents those events cite, and registered files. */
export async function lotDetail(store: Store, scope: DataScope, id: string): Promise<LotDetail> {
  await visible(store, scope, "lot", id);
  const lot = found(await store.getLot(id as Lot["id"]), "lot", id);
  const events = [...(await store.scopedEvents(scope, { lot: id, limit: DETAIL_ROWS }))].sort(
    (a, b) => a.eventTime.localeCompare(b.eventTime) || a.id.localeCompare(b.id),
  );
  // By the ids each event cites (the primary key): the event filter alone reads every reference in
  // the store, ≈ 1.7 s an event on SQLite at 1 M events, with the server's event loop held.
  const refs = await Promise.all(
    events.map((e) =>
      e.bizTransactions.length === 0
        ? []
        : store.scopedDocumentRefs(scope, { event: e.id, ids: citedRefIds(e), limit: 100 }),
    ),
  );
  // The scope goes to the registry too: a document linked to this lot and to another party's records
  // is that party's as much as this one's, and a supplier sees only documents wholly its own.
  const documents = await listDocuments(store, { ref: id }, scope);
  return { lot, events, documentRefs: refs.flat(), documents };
}

export function listEvents(
  store: Store,
  scope: DataScope,
  filter: EventFilter,
): Promise<ListingPage<SupplyEvent>> {
  return sqlPage((page) => store.scopedEvents(scope, { ...filter, ...page }), filter);
}

export function listLots(store: Store, scope: DataScope, page: PageRequest): Promise<ListingPage<Lot>> {
  return sqlPage((p) => store.scopedLots(scope, p), page);
}
