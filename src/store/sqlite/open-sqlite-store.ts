import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { ImportMeta, Store } from "../../app/index.ts";
import type { DocumentRef, Link, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import { migrateToLatest } from "../migrations/migrate-to-latest.ts";
import { importSession, type SessionSlot, sessionSlot } from "../shared/import-session.ts";
import { guarded, storeError } from "../shared/store-error.ts";
import { sqliteAccountRecords } from "./sqlite-account-records.ts";
import { sqliteCompositionSql } from "./sqlite-composition-sql.ts";
import { sqliteDocumentRegistry } from "./sqlite-document-registry.ts";
import { sqliteReads } from "./sqlite-reads.ts";
import { sqliteScopedReads } from "./sqlite-scoped-reads.ts";
import { sqliteScreeningRecords } from "./sqlite-screening-records.ts";
import { beginSqliteSession } from "./sqlite-session.ts";
import { prepareSqliteStatements } from "./sqlite-statements.ts";

const BUSY_TIMEOUT_MS = 5000;
/** Reading pages through a memory map saves a copy per page on large stores. */
const MMAP_BYTES = 256 * 1024 * 1024;

function openWriter(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL under WAL: a power cut may lose the last commits but never corrupts the file.
    db.pragma("synchronous = NORMAL");
    // Foreign keys are enforced, as on PostgreSQL: better-sqlite3 turns them on for every
    // connection, and turning them off saved no measurable import time (BENCHMARKS.md, Ingest).
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("cache_size = -65536");
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

async function migrate(path: string): Promise<void> {
  const connection = new Database(path);
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    await migrateToLatest(kysely, "sqlite");
  } finally {
    await kysely.destroy();
  }
}

/** The writer first (it creates the file and switches it to WAL), then the schema, then the reader. */
async function openConnections(path: string) {
  const writer = openWriter(path);
  try {
    await migrate(path);
    const statements = prepareSqliteStatements(writer);
    const reader = new Database(path, { readonly: true, fileMustExist: true });
    reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    reader.pragma(`mmap_size = ${MMAP_BYTES}`);
    return { writer, reader, statements };
  } catch (e) {
    writer.close();
    throw e;
  }
}

/**
 * Writes outside imports that go through the writer connection. On one connection an open
 * import's transaction would swallow them (a decision or an audit record made during an import
 * would vanish with its rollback), so they wait until the import has committed or rolled back.
 */
const WAITS_FOR_IMPORT = [
  "insertUser",
  "disableUserRecord",
  "insertSession",
  "deleteSession",
  "insertApiToken",
  "revokeApiTokenRecord",
  "appendAuditEntry",
  "addListVersion",
  "saveDecision",
] as const;

type Writes = Pick<Store, (typeof WAITS_FOR_IMPORT)[number] | "touchApiToken">;

function afterImports<T extends Writes>(records: T, slot: SessionSlot): T {
  const out: Record<string, unknown> = { ...records };
  for (const name of WAITS_FOR_IMPORT) {
    const write = records[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = async (...args: unknown[]) => {
      while (slot.busy) await slot.idle();
      return write(...args);
    };
  }
  // When a token was last used is a courtesy: skipped during an import rather than queued.
  out.touchApiToken = (tokenId: string, at: string) =>
    slot.busy ? Promise.resolve() : records.touchApiToken(tokenId, at);
  return out as T;
}

/** The embedded store: one SQLite file (WAL), created and migrated on first open. */
export async function openSqliteStore(path: string): Promise<Store> {
  const file = resolve(path);
  let connections: Awaited<ReturnType<typeof openConnections>>;
  try {
    connections = await openConnections(file);
  } catch (e) {
    throw storeError("store-unavailable", `cannot open the SQLite store ${file}`, e);
  }
  const { writer, reader, statements } = connections;
  const reads = sqliteReads(reader);
  const slot = sessionSlot(file);
  return {
    kind: "sqlite",
    location: file,
    registry: sqliteDocumentRegistry(writer, reader, file, slot),
    async beginImport(meta: ImportMeta) {
      slot.acquire();
      try {
        return importSession(meta, beginSqliteSession(writer, statements), slot);
      } catch (e) {
        slot.release();
        const busy = (e as { code?: unknown }).code === "SQLITE_BUSY";
        throw storeError(busy ? "conflict" : "store-failure", "cannot begin the import", e);
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
    ...afterImports(
      { ...sqliteScreeningRecords(writer, reader), ...sqliteAccountRecords(writer, reader) },
      slot,
    ),
    ...sqliteCompositionSql(reader),
    ...sqliteScopedReads(reader),
    async close() {
      await guarded("closing the SQLite store", () => {
        // Closing the writer mid-import rolls the open transaction back.
        reads.endListings();
        writer.close();
        reader.close();
      });
    },
  };
}
