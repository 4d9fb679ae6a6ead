import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ALL_DATA, importFile, type Store } from "../../src/app/index.ts";
import type { DocumentRef, SupplyEvent } from "../../src/model/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const DOCS = join(ROOT, "test/fixtures/epcis/openepcis-2.0/JSON/Capture/Documents");
const FILES = [
  join(DOCS, "ObjectEvent_all_possible_fields.json"),
  join(DOCS, "TransformationEvent_with_error_declaration.json"),
  join(DOCS, "Combination_of_different_event.json"),
  join(ROOT, "templates/movements.csv"),
];
const dir = mkdtempSync(join(tmpdir(), "threadproof-lean-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "lean");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

async function load(store: Store): Promise<void> {
  for (const path of FILES) {
    const bytes = new Uint8Array(readFileSync(path));
    const open = async function* () {
      yield bytes;
    };
    await importFile(store, { name: path, head: bytes, open }, {});
  }
}

interface Snapshot {
  readonly events: SupplyEvent[];
  readonly documents: DocumentRef[];
  readonly scoped: readonly SupplyEvent[];
}

async function snapshot(store: Store): Promise<Snapshot> {
  const events: SupplyEvent[] = [];
  for await (const e of store.events({ includeRetracted: true })) events.push(e);
  const documents: DocumentRef[] = [];
  for await (const d of store.documents()) documents.push(d);
  const scoped = await store.scopedEvents(ALL_DATA, { includeRetracted: true, limit: 500 });
  return { events, documents, scoped };
}

/** Rows as a store before migration 0008 wrote them: the whole record, and 0008 not yet applied. */
interface OldRows {
  readonly events: readonly [id: string, record: string][];
  readonly documents: readonly [id: string, record: string][];
}
const oldRows = (s: Snapshot): OldRows => ({
  events: s.events.map((e) => [e.id, JSON.stringify(e)]),
  documents: s.documents.map((d) => [d.id, JSON.stringify(d)]),
});

describe("lean event and document records (migration 0008)", () => {
  it("SQLite: an old store's whole records are rewritten lean and every read returns the same", async () => {
    const file = join(dir, "old.db");
    let store = await openStore(file);
    await load(store);
    const before = await snapshot(store);
    expect(before.events.some((e) => e.retracted)).toBe(true);
    expect(before.documents.length).toBeGreaterThan(0);
    await store.close();

    const db = new Database(file);
    const old = oldRows(before);
    for (const [id, record] of old.events)
      db.prepare("update events set record = ? where id = ?").run(record, id);
    for (const [id, record] of old.documents)
      db.prepare("update document_refs set record = ? where id = ?").run(record, id);
    db.prepare("delete from kysely_migration where name = '0008-lean-event-records'").run();
    db.close();

    store = await openStore(file);
    expect(await snapshot(store)).toEqual(before);
    await store.close();
    const after = new Database(file, { readonly: true });
    const records = after
      .prepare("select record from events union all select record from document_refs")
      .pluck();
    for (const r of records.all() as string[]) expect(JSON.parse(r)).not.toHaveProperty("id");
    after.close();
  });

  it.skipIf(!adminUrl)("PostgreSQL: the same upgrade, the same reads", async () => {
    const url = await databases.create();
    let store = await openStore(url);
    await load(store);
    const before = await snapshot(store);
    expect(before.events.some((e) => e.retracted)).toBe(true);
    await store.close();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const old = oldRows(before);
      for (const [id, record] of old.events)
        await client.query("update events set record = $1::json where id = $2", [record, id]);
      for (const [id, record] of old.documents)
        await client.query("update document_refs set record = $1::json where id = $2", [record, id]);
      await client.query("delete from kysely_migration where name = '0008-lean-event-records'");
    } finally {
      await client.end();
    }

    store = await openStore(url);
    expect(await snapshot(store)).toEqual(before);
    await store.close();
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query(
        "select record::text as r from events union all select record::text from document_refs",
      );
      for (const { r } of rows) expect(JSON.parse(r as string)).not.toHaveProperty("id");
    } finally {
      await check.end();
    }
  });
});
