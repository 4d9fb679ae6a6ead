import type {
  DocumentRef,
  EventId,
  EventKind,
  Link,
  Location,
  LocationId,
  Lot,
  LotId,
  Party,
  PartyId,
  RecordBatch,
  SupplyEvent,
} from "../model/index.ts";
import type { AccountRecords } from "./account-records.ts";
import type { AuditEntry, AuditTrail } from "./audit-trail.ts";
import type { CompositionSql } from "./composition-sql.ts";
import type { DocumentRegistry } from "./document-registry.ts";
import type { ScopedReads } from "./scoped-reads.ts";
import type { ScreeningRecords } from "./screening-records.ts";

/** One file's import, as logged in the store. */
export interface ImportMeta {
  readonly source: string;
  readonly format: string;
  readonly startedAt: string;
}

/** Known only once the whole file has been read, so given at commit. */
export interface ImportSummary {
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  /** Invalid records left out under --skip-invalid. */
  readonly skippedIssues: number;
}

/** Records a write newly added (an id already present counts as unchanged, never as new). */
export interface WriteCounts {
  readonly parties: number;
  readonly locations: number;
  readonly lots: number;
  readonly events: number;
  readonly links: number;
  readonly documents: number;
  /** Events that an errorDeclaration in this write retracted. */
  readonly retracted: number;
}

export interface ImportLogEntry extends ImportMeta, ImportSummary {
  readonly id: number;
  readonly finishedAt: string;
  readonly added: WriteCounts;
}

/**
 * All writes of one import happen in one transaction: `commit` makes them visible at once,
 * `rollback` (or a crash) leaves the store exactly as it was. One session at a time per store.
 */
export interface ImportSession {
  write(batch: RecordBatch): Promise<WriteCounts>;
  /** `audit` builds the import's audit record, appended in the same transaction: both or neither. */
  commit(summary: ImportSummary, audit?: (log: ImportLogEntry) => AuditEntry): Promise<ImportLogEntry>;
  rollback(): Promise<void>;
}

export interface StoreStats {
  readonly parties: number;
  readonly locations: number;
  readonly lots: number;
  readonly events: number;
  readonly retractedEvents: number;
  readonly links: number;
  readonly documents: number;
  readonly imports: number;
  readonly eventsByKind: Readonly<Partial<Record<EventKind, number>>>;
  readonly locationsByCountry: Readonly<Record<string, number>>;
}

export interface EventQuery {
  /** Retracted events are excluded unless asked for. */
  readonly includeRetracted?: boolean;
}

/**
 * The persistence port. Adapters (SQLite embedded default, PostgreSQL) live in `src/store/`
 * and pass one shared contract spec (`test/contract/store.contract.ts`).
 * Listing methods stream in id order so exports and traces never hold more than they need.
 */
export interface Store extends ScreeningRecords, CompositionSql, AccountRecords, AuditTrail, ScopedReads {
  readonly kind: "sqlite" | "postgres";
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /** Files registered as evidence (`threadproof docs`), content-addressed. */
  readonly registry: DocumentRegistry;
  beginImport(meta: ImportMeta): Promise<ImportSession>;
  stats(): Promise<StoreStats>;
  importLog(): Promise<readonly ImportLogEntry[]>;
  /**
   * A short text that changes whenever an import commits, a list version is stored or a review
   * decision is saved (by any process): what a long-running reader polls. A few index lookups.
   */
  changeMark(): Promise<string>;
  parties(): AsyncIterable<Party>;
  locations(): AsyncIterable<Location>;
  lots(): AsyncIterable<Lot>;
  events(query?: EventQuery): AsyncIterable<SupplyEvent>;
  links(): AsyncIterable<Link>;
  documents(): AsyncIterable<DocumentRef>;
  getParty(id: PartyId): Promise<Party | undefined>;
  getLocation(id: LocationId): Promise<Location | undefined>;
  getLot(id: LotId): Promise<Lot | undefined>;
  getEvent(id: EventId): Promise<SupplyEvent | undefined>;
  close(): Promise<void>;
}
