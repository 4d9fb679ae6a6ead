import { readFileSync } from "node:fs";
import { type DataScope, type ImportSource, importFile, type Role, type Store } from "../../src/app/index.ts";
import { partyId } from "../../src/model/index.ts";
import { registerSampleDocuments } from "../../src/cli/sample-documents.ts";
import { createApp, type ServerApp } from "../../src/server/index.ts";
import { createPrincipals, type RoleClient } from "./principals.ts";

const SAMPLE = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];

function fileSource(path: string): ImportSource {
  const bytes = readFileSync(path);
  return {
    name: path,
    size: bytes.byteLength,
    head: bytes.subarray(0, 64 * 1024),
    async *open() {
      yield bytes;
    },
  };
}

/** The bundled sample chain, imported in process as `threadproof demo` imports it, with its documents. */
export async function seedSample(store: Store): Promise<void> {
  for (const path of SAMPLE) await importFile(store, fileSource(path), {});
  await registerSampleDocuments(store, "sample");
}

/**
 * Two suppliers of the sample: X, a spinner's operator, and Y, a gin's operator elsewhere in
 * the chain. Each has a lot, an event, a location and (for X) a document no one else may see.
 */
export interface SupplierIds {
  readonly party: string;
  readonly location: string;
  readonly lot: string;
  readonly event: string;
}

export interface ApiFixture {
  readonly store: Store;
  readonly app: ServerApp;
  /** One signed-in client per role; `supplier` is bound to X. */
  readonly clients: Readonly<Record<Role, RoleClient>>;
  /** Another supplier account, bound to Y. */
  readonly otherSupplier: RoleClient;
  readonly x: SupplierIds;
  readonly y: SupplierIds;
  /** A shipment of the sample whose trace names a listed entity (sample ground truth). */
  readonly shipment: string;
  /** An open hit of the sample (its hitKey). */
  readonly hitKey: string;
}

async function idsOf(store: Store, party: string): Promise<SupplierIds> {
  const scope: DataScope = { kind: "party", partyId: partyId(party) };
  const [location] = await store.scopedLocations(scope, { limit: 1 });
  const [lot] = await store.scopedLots(scope, { limit: 1 });
  const [event] = await store.scopedEvents(scope, { limit: 1 });
  if (!location || !lot || !event) throw new Error(`sample party ${party} has no location, lot or event`);
  return { party, location: location.id, lot: lot.id, event: event.id };
}

/** Picks two operators whose locations share no lot, so neither may see the other's lot. */
async function twoSuppliers(store: Store): Promise<[SupplierIds, SupplierIds]> {
  const operators = [
    ...new Set((await store.scopedLocations({ kind: "all" }, { limit: 500 })).map((l) => l.operator)),
  ];
  const candidates: SupplierIds[] = [];
  for (const p of operators) {
    if (p === undefined) continue;
    const ids = await idsOf(store, p).catch(() => undefined);
    if (ids) candidates.push(ids);
  }
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b) continue;
      const apart =
        !(await store.inScope({ kind: "party", partyId: b.party as never }, "lot", a.lot)) &&
        !(await store.inScope({ kind: "party", partyId: a.party as never }, "lot", b.lot)) &&
        !(await store.inScope({ kind: "party", partyId: b.party as never }, "event", a.event));
      if (apart) return [a, b];
    }
  }
  throw new Error("the sample has no two suppliers apart");
}

export async function apiFixture(store: Store, prefix = ""): Promise<ApiFixture> {
  await seedSample(store);
  const [x, y] = await twoSuppliers(store);
  const clients = await createPrincipals(store, { supplierParty: x.party, prefix });
  const other = await createPrincipals(store, { supplierParty: y.party, prefix: `${prefix}y-` });
  const app = createApp({ store });
  const hits = await app.request("/api/hits?limit=1", { headers: clients.analyst.bearer });
  const hitKey = ((await hits.json()) as { items: { hitKey: string }[] }).items[0]?.hitKey;
  if (!hitKey) throw new Error("the sample has no open hit");
  return { store, app, clients, otherSupplier: other.supplier, x, y, shipment: "BOL-MAEU-7906", hitKey };
}
