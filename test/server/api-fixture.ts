import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type DataScope, type ImportSource, importFile, type Role, type Store } from "../../src/app/index.ts";
import { registerSampleDocuments } from "../../src/cli/sample-documents.ts";
import { partyId } from "../../src/model/index.ts";
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

/** A supplier's own records: the ids the cross-supplier cases ask for. */
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
  /** SHA-256 of Y_DOCUMENT. */
  readonly yDocument: string;
}

async function idsOf(store: Store, party: string): Promise<SupplierIds> {
  const scope: DataScope = { kind: "party", partyId: partyId(party) };
  const [location] = await store.scopedLocations(scope, { limit: 1 });
  const [lot] = await store.scopedLots(scope, { limit: 1 });
  const [event] = await store.scopedEvents(scope, { limit: 1 });
  if (!location || !lot || !event) throw new Error(`sample party ${party} has no location, lot or event`);
  return { party, location: location.id, lot: lot.id, event: event.id };
}

/** Farms of the bundled sample: X grows cotton in one place, Y (with a certificate of origin) in another. */
const X_PARTY = "urn:epc:id:pgln:0800009.00000";
const Y_PARTY = "urn:epc:id:pgln:0800010.00000";
/** Registered from sample/documents/manifest.csv, linked only to a lot of Y's farm. */
export const Y_DOCUMENT = "sample/documents/coo-farm-lamesa-S24-000005-01.txt";

export async function apiFixture(store: Store, prefix = ""): Promise<ApiFixture> {
  await seedSample(store);
  const [x, y] = [await idsOf(store, X_PARTY), await idsOf(store, Y_PARTY)];
  const clients = await createPrincipals(store, { supplierParty: x.party, prefix });
  const other = await createPrincipals(store, { supplierParty: y.party, prefix: `${prefix}y-` });
  const app = createApp({ store });
  const hits = await app.request("/api/hits?limit=1", { headers: clients.analyst.bearer });
  const hitKey = ((await hits.json()) as { items: { hitKey: string }[] }).items[0]?.hitKey;
  if (!hitKey) throw new Error("the sample has no open hit");
  const yDocument = createHash("sha256").update(readFileSync(Y_DOCUMENT)).digest("hex");
  return {
    store,
    app,
    clients,
    otherSupplier: other.supplier,
    x,
    y,
    shipment: "BOL-MAEU-7906",
    hitKey,
    yDocument,
  };
}
