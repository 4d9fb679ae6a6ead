import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { ImportMeta, Store } from "../../app/index.ts";
import type { DocumentRef, Link, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import { migrateToLatest } from "../migrations/migrate-to-latest.ts";
import { importSession, type SessionDriver, sessionSlot } from "../shared/import-session.ts";
import { guarded, storeError } from "../shared/store-error.ts";
import { postgresAccountRecords } from "./postgres-account-records.ts";
import { postgresCompositionSql } from "./postgres-composition-sql.ts";
import { postgresDocumentRegistry } from "./postgres-document-registry.ts";
import { postgresReads } from "./postgres-reads.ts";
import { postgresScopedReads } from "./postgres-scoped-reads.ts";
import { postgresScreeningRecords } from "./postgres-screening-records.ts";
import { beginPostgresSession } from "./postgres-session.ts";
import { redactUrl } from "./redact-url.ts";

/** Kysely runs the migrations and owns the pool's lifetime; queries go to the pool directly. */
async function connect(url: string, location: string): Promise<{ pool: pg.Pool; kysely: Kysely<unknown> }> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle pooled connection that drops is discarded by the pool; the next query reconnects.
  // Without a listener the 'error' event would crash the process.
  pool.on("error", () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await pool.query("select 1");
  } catch (e) {
    await kysely.destroy();
    throw storeError("store-unavailable", `cannot connect to PostgreSQL at ${location}`, e);
  }
  try {
    await migrateToLatest(kysely, "postgres");
  } catch (e) {
    await kysely.destroy();
    throw storeError("store-unavailable", `cannot prepare the PostgreSQL store at ${location}`, e);
  }
  return { pool, kysely };
}

/**
 * After `close` an open import's next write or commit fails, and the import rolls back, as on
 * SQLite: ending the pool waits for the import's connection, which would otherwise commit.
 */
function refusedOnceClosed(driver: SessionDriver, closed: () => boolean): SessionDriver {
  const check = () => {
    if (closed()) throw new Error("the store was closed during the import");
  };
  return {
    async write(batch) {
      check();
      return driver.write(batch);
    },
    async commit(entry, audit) {
      check();
      return driver.commit(entry, audit);
    },
    rollback: () => driver.rollback(),
  };
}

/** The server store: connects, migrates to the latest schema, keeps a small pool. */
export async function openPostgresStore(url: string): Promise<Store> {
  const location = redactUrl(url);
  const { pool, kysely } = await connect(url, location);
  const reads = postgresReads(pool);
  const slot = sessionSlot(location);
  let closed = false;
  return {
    kind: "postgres",
    location,
    registry: postgresDocumentRegistry(pool),
    async beginImport(meta: ImportMeta) {
      slot.acquire();
      try {
        const driver = await beginPostgresSession(pool, location);
        return importSession(
          meta,
          refusedOnceClosed(driver, () => closed),
          slot,
        );
      } catch (e) {
        slot.release();
        throw storeError("store-failure", "cannot begin the import", e);
      }
    },
    stats: () => reads.stats(),
    importLog: () => reads.importLog(),
    changeMark: () => reads.changeMark(),
    parties: () => reads.list<Party>("parties"),
    locations: () => reads.list<Location>("locations"),
    lots: () => reads.list<Lot>("lots"),
    events: (query) => reads.list<SupplyEvent>("events", query),
    links: () => reads.list<Link>("links"),
    documents: () => reads.list<DocumentRef>("document_refs"),
    getParty: (id) => reads.get<Party>("parties", id),
    getLocation: (id) => reads.get<Location>("locations", id),
    getLot: (id) => reads.get<Lot>("lots", id),
    getEvent: (id) => reads.get<SupplyEvent>("events", id),
    ...postgresScreeningRecords(pool),
    ...postgresAccountRecords(pool),
    ...postgresCompositionSql(pool),
    ...postgresScopedReads(pool),
    async close() {
      closed = true;
      await guarded("closing the PostgreSQL store", async () => {
        await kysely.destroy();
      });
    },
  };
}
