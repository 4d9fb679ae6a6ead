import type { CbpCategory } from "../model/index.ts";
import type { AuditEntry } from "./audit-trail.ts";
import type { DataScope } from "./principal.ts";

/**
 * What a registered document is linked to. `biz-transaction` is a business-transaction id as
 * given (`urn:epcglobal:cbv:bt:…:BOL-1` or `BOL-1`); `document` names another registered document
 * by SHA-256 (a translation names what it translates).
 */
export type DocumentLinkKind =
  | "lot"
  | "event"
  | "shipment"
  | "party"
  | "location"
  | "biz-transaction"
  | "document";

export interface DocumentLink {
  readonly kind: DocumentLinkKind;
  readonly ref: string;
}

/** A file in the registry, addressed by the SHA-256 of its bytes. */
export interface RegisteredDocument {
  /** Lower-case hex SHA-256 of the bytes: the document's identity. */
  readonly sha256: string;
  readonly category: CbpCategory;
  /** The file name it was first added under (no folder). */
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  /** BCP 47 language tag of the text; `en` unless told. */
  readonly language: string;
  /** The document's own date (YYYY-MM-DD), when given. */
  readonly date?: string;
  /** ISO timestamp of the first registration. */
  readonly addedAt: string;
  readonly note?: string;
  /** Sorted by kind, then ref. */
  readonly links: readonly DocumentLink[];
}

export interface DocumentAddResult {
  readonly document: RegisteredDocument;
  /** False when the same bytes were already registered (the first record is kept). */
  readonly added: boolean;
  /** The links this call added (a re-add merges its links into the record). */
  readonly newLinks: readonly DocumentLink[];
}

/**
 * The document registry port (a member of `Store`). Bytes and record are written together: a
 * failed `add` leaves neither behind. Re-adding the same bytes keeps the first record, fills a
 * date or note it lacked, merges links and rewrites bytes that no longer match their hash.
 */
export interface DocumentRegistry {
  /**
   * `audit`, when given, builds the audit record from what was written; it is appended in the same
   * transaction, so the document and its audit record commit (or vanish) together.
   */
  add(
    document: RegisteredDocument,
    bytes: Uint8Array,
    audit?: (written: DocumentAddResult) => AuditEntry,
  ): Promise<DocumentAddResult>;
  /** Every registered document with its links, by SHA-256. */
  list(): Promise<readonly RegisteredDocument[]>;
  /**
   * The documents `scope` may see, decided in SQL: everything for `all`; for a supplier's party,
   * documents whose every link names that party, a location it operates, or a lot or event there.
   */
  listScoped(scope: DataScope): Promise<readonly RegisteredDocument[]>;
  /** The stored bytes as they are now (undefined when gone); callers hash them to verify. */
  read(sha256: string): Promise<Uint8Array | undefined>;
}
