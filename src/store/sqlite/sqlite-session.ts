import type { Database } from "better-sqlite3";
import { type AuditEntry, type ImportLogEntry, storedEventJson, type WriteCounts } from "../../app/index.ts";
import {
  type DocumentRef,
  type Location,
  type Lot,
  mergeLocation,
  mergeParty,
  type Party,
  type RecordBatch,
  type SupplyEvent,
} from "../../model/index.ts";
import { eventEdges, eventRow, matchKeys, retractedRecord } from "../shared/event-row.ts";
import type { SessionDriver } from "../shared/import-session.ts";
import { leanDocumentJson, storedEvent } from "../shared/stored-records.ts";
import { zeroCounts } from "../shared/write-counts.ts";
import { appendSqliteAudit } from "./sqlite-account-records.ts";
import type { SqliteStatements } from "./sqlite-statements.ts";

interface StoredEvent {
  readonly key: number;
  readonly retracted: number;
  readonly record: string;
  readonly [column: string]: unknown;
}

/** Lot keys seen in this session; cleared when large so memory stays bounded on huge imports. */
const LOT_CACHE_LIMIT = 200_000;
const DOCUMENT_CACHE_LIMIT = 200_000;

/**
 * Page cache while an import runs (KiB; SQLite allocates it only as pages are touched). The
 * random-order hash ids make every insert into the unique id indexes land on a random page; once
 * those indexes outgrow the cache each insert reads a page back from the WAL. 512 MB keeps the id
 * indexes of a few million events in memory (≈ 14 % less CPU at 386 k events than 64 MB); the
 * connection's normal cache comes back at commit or rollback.
 */
const IMPORT_CACHE_KIB = 512 * 1024;

/**
 * The SQLite side of an import: `BEGIN IMMEDIATE` takes the write lock up front (another process
 * importing makes this one wait, then fail), and every record is one prepared-statement run.
 */
export function beginSqliteSession(db: Database, s: SqliteStatements): SessionDriver {
  const normalCache = db.pragma("cache_size", { simple: true }) as number;
  db.exec("begin immediate");
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  // Shrinking the cache frees the pages above the limit.
  const restoreCache = () => db.pragma(`cache_size = ${normalCache}`);
  const lotKeys = new Map<string, number>();
  // Document reference ids this session has written or found stored already.
  const documentIds = new Set<string>();
  // Every id and declared id of a retracted event: an original is looked up in the store only when
  // one of its match keys is here, instead of one query per event once the store has any retraction.
  const retractedKeys = new Set<string>();
  const noteRetracted = (id: string, declaredId: string | null | undefined) => {
    retractedKeys.add(id);
    if (declaredId != null) retractedKeys.add(declaredId);
  };
  for (const r of s.retractedKeys.all() as { id: string; declared_id: string | null }[]) {
    noteRetracted(r.id, r.declared_id);
  }

  const lotKey = (id: string): number => {
    const cached = lotKeys.get(id);
    if (cached !== undefined) return cached;
    const inserted = s.insertLotRef.run(id);
    const key = inserted.changes === 1 ? Number(inserted.lastInsertRowid) : Number(s.lotKey.get(id));
    if (lotKeys.size >= LOT_CACHE_LIMIT) lotKeys.clear();
    lotKeys.set(id, key);
    return key;
  };

  const findStored = (e: SupplyEvent): StoredEvent[] => {
    const [first = e.id, second = first] = matchKeys(e);
    return s.findEvents.all(first, second, first, second) as StoredEvent[];
  };

  // Inserted events whose edges are still to write: a batch writes its event rows first, then all
  // their edges, so each table's pages stay hot in the CPU's cache (≈ 10 % of the event and edge
  // inserts' CPU, bench in BENCHMARKS.md "Ingest"). Same rows, keys and lot-key order as before.
  const pendingEdges: [key: number, event: SupplyEvent][] = [];
  const writeEdges = () => {
    for (const [key, e] of pendingEdges) {
      for (const edge of eventEdges(e)) {
        s.insertEdge.run(key, edge.role, edge.position, lotKey(edge.lot), edge.quantity, edge.uom, edge.kg);
      }
    }
    pendingEdges.length = 0;
  };

  const insertEvent = (e: SupplyEvent): boolean => {
    const r = eventRow(e);
    const result = s.insertEvent.run(
      r.id,
      r.declaredId,
      r.epcisType,
      r.kind,
      r.action,
      r.eventTime,
      r.bizStep,
      r.readPoint,
      r.bizLocation,
      r.retracted ? 1 : 0,
      r.record,
    );
    if (result.changes === 0) return false;
    pendingEdges.push([Number(result.lastInsertRowid), e]);
    if (e.retracted) noteRetracted(e.id, e.declaredId);
    return true;
  };

  /** An original arriving after its retraction is stored, but already retracted. */
  const writeOriginal = (e: SupplyEvent): boolean => {
    if (retractedKeys.size === 0 || !matchKeys(e).some((k) => retractedKeys.has(k))) return insertEvent(e);
    const retraction = findStored(e).find((m) => m.retracted === 1);
    if (retraction === undefined) return insertEvent(e);
    return insertEvent(retractedRecord(e, storedEvent(retraction)));
  };

  /** Returns [stored as a new event, stored events it retracted]. */
  const writeRetraction = (e: SupplyEvent): [number, number] => {
    const matches = findStored(e);
    if (matches.length === 0) return [insertEvent(e) ? 1 : 0, 0];
    let retracted = 0;
    for (const m of matches) {
      if (m.retracted === 1) continue;
      const record = retractedRecord(storedEvent(m), e);
      s.markRetracted.run(storedEventJson(record), m.key);
      noteRetracted(record.id, record.declaredId);
      retracted += 1;
    }
    return [0, retracted];
  };

  const writeEvents = (events: readonly SupplyEvent[]): { events: number; retracted: number } => {
    let added = 0;
    let retracted = 0;
    // Originals first, so a retraction later in the same batch finds what it retracts.
    for (const e of events) if (!e.retracted && writeOriginal(e)) added += 1;
    for (const e of events) {
      if (!e.retracted) continue;
      const [stored, marked] = writeRetraction(e);
      added += stored;
      retracted += marked;
    }
    writeEdges();
    return { events: added, retracted };
  };

  // A record seen before is completed from the new source (model's merge rules), never overwritten.
  const writeParty = (p: Party): number => {
    if (s.insertParty.run(p.id, p.name, p.country ?? null, JSON.stringify(p)).changes > 0) return 1;
    const merged = mergeParty(JSON.parse(s.partyRecord.get(p.id) as string) as Party, p);
    if (merged) s.updateParty.run(merged.name, merged.country ?? null, JSON.stringify(merged), p.id);
    return 0;
  };
  const writeLocation = (l: Location): number => {
    const row = [l.address.country ?? null, l.operator ?? null, JSON.stringify(l)];
    if (s.insertLocation.run(l.id, ...row).changes > 0) return 1;
    const merged = mergeLocation(JSON.parse(s.locationRecord.get(l.id) as string) as Location, l);
    if (merged) {
      s.updateLocation.run(
        merged.address.country ?? null,
        merged.operator ?? null,
        JSON.stringify(merged),
        l.id,
      );
    }
    return 0;
  };

  const writeLot = (l: Lot): number => {
    const key = s.insertLot.get(l.id, JSON.stringify(l)) as number | undefined;
    if (key === undefined) return 0;
    if (lotKeys.size >= LOT_CACHE_LIMIT) lotKeys.clear();
    lotKeys.set(l.id, key);
    return 1;
  };

  const writeDocuments = (documents: readonly DocumentRef[]): number => {
    let added = 0;
    for (const d of documents) {
      // Every event of a shipment and its receipt names the same documents: one insert per id and
      // session is enough (a second would be the conflict's no-op).
      if (documentIds.has(d.id)) continue;
      if (documentIds.size >= DOCUMENT_CACHE_LIMIT) documentIds.clear();
      documentIds.add(d.id);
      added += s.insertDocument.run(d.id, d.type, d.ref, d.event ?? null, leanDocumentJson(d)).changes;
    }
    return added;
  };

  return {
    async write(batch: RecordBatch): Promise<WriteCounts> {
      const c = zeroCounts();
      for (const p of batch.parties) c.parties += writeParty(p);
      for (const l of batch.locations) c.locations += writeLocation(l);
      for (const l of batch.lots) c.lots += writeLot(l);
      Object.assign(c, writeEvents(batch.events));
      for (const l of batch.links) {
        c.links += s.insertLink.run(l.id, l.kind, l.from, l.to, JSON.stringify(l)).changes;
      }
      c.documents += writeDocuments(batch.documents);
      return c;
    },
    async commit(entry: Omit<ImportLogEntry, "id">, audit?: (id: number) => AuditEntry): Promise<number> {
      const { source, sha256, format, startedAt, finishedAt, added, skippedIssues } = entry;
      const args = [source, sha256, format, startedAt, finishedAt, JSON.stringify(added), skippedIssues];
      const id = Number(s.insertImport.run(...args).lastInsertRowid);
      if (audit) appendSqliteAudit(db, audit(id));
      db.exec("commit");
      restoreCache();
      return id;
    },
    async rollback(): Promise<void> {
      if (db.inTransaction) db.exec("rollback");
      if (db.open) restoreCache();
    },
  };
}
