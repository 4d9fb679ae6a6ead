import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ALL_DATA, type DocumentLink, type RegisteredDocument, type Store } from "../../src/app/index.ts";
import { partyId } from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import {
  batchOf,
  importMeta,
  importSummary,
  sampleEvent,
  sampleLocation,
  sampleLot,
  sampleParty,
} from "./sample-records.ts";
import type { ContractTarget } from "./store.contract.ts";

const P1 = { kind: "party", partyId: partyId("p1") } as const;
const P2 = { kind: "party", partyId: partyId("p2") } as const;
const EVIL = { kind: "party", partyId: partyId("p1' or '1'='1") } as const;
const loc = (n: number) => sampleLocation(n).id as string;
const lot = (n: number) => sampleLot(n).id as string;
const event = (n: number) => sampleEvent(n).id as string;

function documentOf(name: string, links: DocumentLink[]): { record: RegisteredDocument; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(`document ${name}\n`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record: RegisteredDocument = {
    sha256,
    category: "commercial-invoice",
    fileName: `${name}.txt`,
    mediaType: "text/plain",
    size: bytes.byteLength,
    language: "en",
    addedAt: "2024-05-01T00:00:00.000Z",
    links,
  };
  return { record, bytes };
}

/**
 * p1 operates location 1, where event 1 names lot 1 (and the lots sampleEvent names); p2 operates
 * location 2, where event 2 names lot 2. One document per case, named after who may see it.
 */
const DOCUMENTS = {
  p1Party: documentOf("p1-party", [{ kind: "party", ref: P1.partyId as string }]),
  p1Place: documentOf("p1-place", [
    { kind: "location", ref: loc(1) },
    { kind: "lot", ref: lot(1) },
    { kind: "event", ref: event(1) },
  ]),
  p2Lot: documentOf("p2-lot", [{ kind: "lot", ref: lot(2) }]),
  mixed: documentOf("mixed", [
    { kind: "lot", ref: lot(1) },
    { kind: "lot", ref: lot(2) },
  ]),
  transaction: documentOf("transaction", [{ kind: "biz-transaction", ref: "INV-1" }]),
  injection: documentOf("injection", [{ kind: "party", ref: EVIL.partyId as string }]),
};

async function seed(store: Store): Promise<void> {
  const session = await store.beginImport(importMeta());
  await session.write(
    batchOf({
      parties: [sampleParty(1), sampleParty(2)],
      locations: [sampleLocation(1, "CN"), sampleLocation(2, "US")],
      lots: [1, 2].map(sampleLot),
      events: [1, 2].map((n) =>
        sampleEvent(n, "transform", { readPoint: sampleLocation(n).id, bizLocation: sampleLocation(n).id }),
      ),
    }),
  );
  await session.commit(importSummary());
  for (const d of Object.values(DOCUMENTS)) await store.registry.add(d.record, d.bytes);
}

const names = (docs: readonly RegisteredDocument[]) => docs.map((d) => d.fileName).sort();

/** The registry's scoped listing: what a supplier may see is decided in SQL, on every adapter. */
export function describeScopedDocumentsContract(target: ContractTarget): void {
  const open: Store[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  describe(`document registry listScoped (${target.kind})`, () => {
    it("shows a supplier the documents whose every link is its party, location, lot or event, and all to others", async () => {
      const store = await openStore(await target.fresh());
      open.push(store);
      await seed(store);
      expect(names(await store.registry.listScoped(P1))).toEqual(["p1-party.txt", "p1-place.txt"]);
      expect(names(await store.registry.listScoped(P2))).toEqual(["p2-lot.txt"]);
      expect(names(await store.registry.listScoped(ALL_DATA))).toEqual(names(await store.registry.list()));
      expect(await store.registry.listScoped(ALL_DATA)).toHaveLength(6);
      const [p1Place] = (await store.registry.listScoped(P1)).filter((d) => d.fileName === "p1-place.txt");
      expect(p1Place?.links).toHaveLength(3);
    });

    it("treats a party id holding SQL as a value (only the document naming that exact id)", async () => {
      const store = await openStore(await target.fresh());
      open.push(store);
      await seed(store);
      expect(names(await store.registry.listScoped(EVIL))).toEqual(["injection.txt"]);
    });
  });
}
