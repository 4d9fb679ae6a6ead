import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ALL_DATA, importFile, type Store } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { eventsQuery, numbered } from "../../src/store/shared/scoped-reads-sql.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "threadproof-lot-index-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "lotindex");
const LOT = "lot:LINT-TX-24-118";

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

async function loadMovements(store: Store): Promise<void> {
  const path = join(ROOT, "templates/movements.csv");
  const bytes = new Uint8Array(readFileSync(path));
  const open = async function* () {
    yield bytes;
  };
  await importFile(store, { name: path, head: bytes, open }, {});
}

/** The query behind a lot's events (lot page, `GET /api/events?lot=`), as the store runs it. */
const byLot = eventsQuery(ALL_DATA, { lot: LOT, limit: 50 });

describe("events of one lot use the lot index (migration 0005)", () => {
  it("SQLite plans the edge lookup on event_lots_lot_key_idx, not a scan", async () => {
    const file = join(dir, "index.db");
    const store = await openStore(file);
    await loadMovements(store);
    expect((await store.scopedEvents(ALL_DATA, { lot: LOT, limit: 50 })).length).toBeGreaterThan(2);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = (
        db.prepare(`explain query plan ${byLot.text}`).all(...byLot.params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join("\n");
      expect(plan).toMatch(/SEARCH el USING (COVERING )?INDEX event_lots_lot_key_idx/);
      expect(plan).not.toMatch(/SCAN el\b/);
    } finally {
      db.close();
    }
  });

  it.skipIf(!adminUrl)("PostgreSQL has the index and can plan the lookup on it", async () => {
    const url = await databases.create();
    const store = await openStore(url);
    await loadMovements(store);
    expect((await store.scopedEvents(ALL_DATA, { lot: LOT, limit: 50 })).length).toBeGreaterThan(2);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // A handful of rows is cheaper to scan; forbidding scans shows the index serves the query.
      await client.query("set enable_seqscan = off");
      const { rows } = await client.query<Record<string, string>>(`explain ${numbered(byLot.text)}`, [
        ...byLot.params,
      ]);
      const plan = rows.map((r) => Object.values(r)[0]).join("\n");
      expect(plan).toMatch(/event_lots_lot_key_idx/);
    } finally {
      await client.end();
    }
  });
});
