import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Database } from "better-sqlite3";
import type {
  AuditEntry,
  DocumentAddResult,
  DocumentLink,
  DocumentRegistry,
  RegisteredDocument,
} from "../../app/index.ts";
import type { SessionSlot } from "../shared/import-session.ts";
import {
  documentValues,
  oneDocumentSql,
  REGISTRY_SQL,
  sortLinks,
  toRegisteredDocuments,
} from "../shared/registry-rows.ts";
import { scopedRegistrySql } from "../shared/registry-scope-sql.ts";
import { guarded, storeError } from "../shared/store-error.ts";
import { appendSqliteAudit } from "./sqlite-account-records.ts";

const ONE = oneDocumentSql("?");

type Row = Record<string, unknown>;

/** `<db>.documents/ab/cdef…`: two hex characters per folder keep any one folder small. */
export function documentFolder(dbFile: string): string {
  return `${dbFile}.documents`;
}

function blobPath(folder: string, sha256: string): string {
  return join(folder, sha256.slice(0, 2), sha256.slice(2));
}

function readIfPresent(path: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: something that is not a folder sits where the folder should be; no file either way.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Writes the bytes unless the file already holds them (a changed file is rewritten); returns
 * whether it created the file. A temporary name and a rename: a reader never sees half a file,
 * a crash leaves at most a stray temp file.
 */
function ensureBlob(path: string, sha256: string, bytes: Uint8Array): boolean {
  const present = readIfPresent(path);
  if (present && sha256Of(present) === sha256) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}

/**
 * The embedded registry: rows in the SQLite file, bytes in a folder beside it. The rows are
 * written in one transaction and the file last inside it, so a failed file write rolls the rows
 * back; a failed commit removes the file it wrote.
 */
export function sqliteDocumentRegistry(
  writer: Database,
  reader: Database,
  dbFile: string,
  slot: SessionSlot,
): DocumentRegistry {
  const folder = documentFolder(dbFile);
  const insertDocument = writer.prepare(
    `insert into registry_documents
      (sha256, category, file_name, media_type, size, language, document_date, added_at, note)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing`,
  );
  const fillGaps = writer.prepare(
    `update registry_documents set document_date = coalesce(document_date, ?), note = coalesce(note, ?)
      where sha256 = ?`,
  );
  const insertLink = writer.prepare(
    "insert into registry_links (sha256, kind, ref) values (?, ?, ?) on conflict do nothing",
  );
  const listAll = (): RegisteredDocument[] =>
    toRegisteredDocuments(
      reader.prepare(REGISTRY_SQL.documents).all() as Row[],
      reader.prepare(REGISTRY_SQL.links).all() as Row[],
    );
  const writeRows = (document: RegisteredDocument, bytes: Uint8Array, wrote: { file: boolean }) => {
    const added = insertDocument.run(...documentValues(document)).changes > 0;
    if (!added) fillGaps.run(document.date ?? null, document.note ?? null, document.sha256);
    const newLinks: DocumentLink[] = sortLinks(document.links).filter(
      (l) => insertLink.run(document.sha256, l.kind, l.ref).changes > 0,
    );
    wrote.file = ensureBlob(blobPath(folder, document.sha256), document.sha256, bytes);
    return { added, newLinks };
  };
  return {
    async add(
      document,
      bytes,
      audit?: (written: DocumentAddResult) => AuditEntry,
    ): Promise<DocumentAddResult> {
      // Like every other write, a document waits for an open import rather than being refused:
      // an upload made while a supplier's file is importing is not a conflict the user caused.
      while (slot.busy) await slot.idle();
      slot.acquire();
      const wrote = { file: false };
      const readStored = (db: Database) =>
        toRegisteredDocuments(
          db.prepare(ONE.document).all(document.sha256) as Row[],
          db.prepare(ONE.links).all(document.sha256) as Row[],
        )[0];
      // Rows, bytes and the audit record in one transaction (as a review decision and its record).
      const write = writer.transaction(() => {
        const result = writeRows(document, bytes, wrote);
        const stored = readStored(writer);
        if (!stored) throw new Error(`document ${document.sha256} not found after writing it`);
        const written = { document: stored, ...result };
        if (audit) appendSqliteAudit(writer, audit(written));
        return written;
      });
      try {
        return write.immediate();
      } catch (e) {
        if (wrote.file) rmSync(blobPath(folder, document.sha256), { force: true });
        throw storeError("store-failure", `registering ${document.fileName}`, e);
      } finally {
        slot.release();
      }
    },
    list: () => guarded("listing registered documents", listAll),
    listScoped: (scope) =>
      guarded("listing registered documents", () => {
        const q = scopedRegistrySql(scope);
        return toRegisteredDocuments(
          reader.prepare(q.documents.text).all(...q.documents.params) as Row[],
          reader.prepare(q.links.text).all(...q.links.params) as Row[],
        );
      }),
    read: (sha256) => guarded(`reading document ${sha256}`, () => readIfPresent(blobPath(folder, sha256))),
  };
}
