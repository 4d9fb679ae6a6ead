import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { Store } from "../../src/app/index.ts";
import type { DocumentRef, SupplyEvent } from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import {
  batchOf,
  importMeta,
  importSummary,
  sampleDocument,
  sampleEvent,
  sampleLot,
} from "../contract/sample-records.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

// The import sessions remember the document ids and lot keys they have written (src/store/sqlite/
// sqlite-session.ts, postgres-session.ts): what is stored must be what one insert per record gave.

const dir = mkdtempSync(join(tmpdir(), "threadproof-repeated-"));
const databases = scratchDatabases(inject("pgUrl"), "repeated");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

/** The same purchase order named by a shipment's event and by its receipt's. */
const named = (n: number, by: SupplyEvent): DocumentRef => ({
  ...sampleDocument(1),
  event: by.id,
  provenance: { source: "x", locator: `document ${n}` },
});

const EDGES = `select e.id event, l.id lot, x.role, x.position from event_lots x
  join events e on e.key = x.event_key join lots l on l.key = x.lot_key order by 1, 3, 4`;

async function writeTwice(store: Store, events: readonly SupplyEvent[]) {
  const [first, second, third] = events as [SupplyEvent, SupplyEvent, SupplyEvent];
  const session = await store.beginImport(importMeta("a.json"));
  // The lot's master data first: its key must serve the edges of the events naming it.
  const a = await session.write(
    batchOf({
      lots: [sampleLot(1)],
      events: [first, second],
      documents: [named(1, first), named(2, second)],
    }),
  );
  const b = await session.write(batchOf({ events: [third], documents: [named(3, third)] }));
  await session.commit(importSummary());
  const again = await store.beginImport(importMeta("b.json"));
  const c = await again.write(batchOf({ documents: [named(4, third)] }));
  await again.commit(importSummary());
  const documents: DocumentRef[] = [];
  for await (const d of store.documents()) documents.push(d);
  return { counts: [a.documents, b.documents, c.documents, a.lots, a.events + b.events], documents };
}

const expectedEdges = (events: readonly SupplyEvent[]) =>
  events
    .flatMap((e) => [
      ...e.inputs.map((q, position) => ({ event: e.id, lot: q.lot, role: "input", position })),
      ...e.outputs.map((q, position) => ({ event: e.id, lot: q.lot, role: "output", position })),
      ...e.quantities.map((q, position) => ({ event: e.id, lot: q.lot, role: "quantity", position })),
      ...e.epcs.map((lot, position) => ({ event: e.id, lot, role: "epc", position })),
      ...e.inputEpcs.map((lot, position) => ({ event: e.id, lot, role: "input-epc", position })),
      ...(e.parentId === undefined ? [] : [{ event: e.id, lot: e.parentId, role: "parent", position: 0 }]),
    ])
    .sort((x, y) =>
      x.event !== y.event
        ? x.event < y.event
          ? -1
          : 1
        : x.role !== y.role
          ? x.role < y.role
            ? -1
            : 1
          : x.position - y.position,
    );

describe("an import naming the same records again", () => {
  const events = [sampleEvent(1, "ship"), sampleEvent(2, "receive"), sampleEvent(3, "receive")];

  it("SQLite: one document row, linked to the first event naming it; every edge on its own lot", async () => {
    const path = join(dir, "s.db");
    const store = await openStore(path);
    const { counts, documents } = await writeTwice(store, events);
    await store.close();
    expect(counts).toEqual([1, 0, 0, 1, 3]);
    expect(documents).toEqual([named(1, events[0] as SupplyEvent)]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare(EDGES).all()).toEqual(expectedEdges(events));
    db.close();
  });

  it("PostgreSQL: the same", async () => {
    const url = await databases.create();
    const store = await openStore(url);
    const { counts, documents } = await writeTwice(store, events);
    await store.close();
    expect(counts).toEqual([1, 0, 0, 1, 3]);
    expect(documents).toEqual([named(1, events[0] as SupplyEvent)]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(EDGES);
    await client.end();
    expect(rows).toEqual(expectedEdges(events));
  });
});
