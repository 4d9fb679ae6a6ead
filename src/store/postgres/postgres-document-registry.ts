import type { Pool, PoolClient } from "pg";
import type {
  AuditEntry,
  DocumentAddResult,
  DocumentLink,
  DocumentRegistry,
  RegisteredDocument,
} from "../../app/index.ts";
import {
  documentValues,
  oneDocumentSql,
  REGISTRY_SQL,
  sortLinks,
  toRegisteredDocuments,
} from "../shared/registry-rows.ts";
import { scopedRegistrySql } from "../shared/registry-scope-sql.ts";
import { numbered } from "../shared/scoped-reads-sql.ts";
import { guarded, storeError } from "../shared/store-error.ts";
import { appendPostgresAudit } from "./postgres-account-records.ts";

const ONE = oneDocumentSql("$1");

const INSERT_DOCUMENT = `insert into registry_documents
  (sha256, category, file_name, media_type, size, language, document_date, added_at, note)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (sha256) do nothing`;
const FILL_GAPS = `update registry_documents
  set document_date = coalesce(document_date, $1), note = coalesce(note, $2) where sha256 = $3`;
const INSERT_LINK =
  "insert into registry_links (sha256, kind, ref) values ($1, $2, $3) on conflict do nothing";
// Always rewritten: re-adding the original repairs bytes that were changed in place.
const UPSERT_CONTENT = `insert into registry_contents (sha256, bytes) values ($1, $2)
  on conflict (sha256) do update set bytes = excluded.bytes`;

async function writeRows(
  client: PoolClient,
  document: RegisteredDocument,
  bytes: Uint8Array,
): Promise<Omit<DocumentAddResult, "document">> {
  const added = ((await client.query(INSERT_DOCUMENT, documentValues(document))).rowCount ?? 0) > 0;
  if (!added) await client.query(FILL_GAPS, [document.date ?? null, document.note ?? null, document.sha256]);
  const newLinks: DocumentLink[] = [];
  for (const l of sortLinks(document.links)) {
    const { rowCount } = await client.query(INSERT_LINK, [document.sha256, l.kind, l.ref]);
    if ((rowCount ?? 0) > 0) newLinks.push(l);
  }
  await client.query(UPSERT_CONTENT, [document.sha256, Buffer.from(bytes)]);
  return { added, newLinks };
}

/** The server registry: record, links and bytes in one transaction. */
export function postgresDocumentRegistry(pool: Pool): DocumentRegistry {
  const listAll = async (): Promise<RegisteredDocument[]> => {
    const [documents, links] = await Promise.all([
      pool.query(REGISTRY_SQL.documents),
      pool.query(REGISTRY_SQL.links),
    ]);
    return toRegisteredDocuments(documents.rows, links.rows);
  };
  return {
    async add(
      document,
      bytes,
      audit?: (written: DocumentAddResult) => AuditEntry,
    ): Promise<DocumentAddResult> {
      const client = await guarded("connecting to register a document", () => pool.connect());
      try {
        // Record, links, bytes and the audit record in one transaction (as a review decision).
        await client.query("begin");
        const result = await writeRows(client, document, bytes);
        const [documents, links] = [
          await client.query(ONE.document, [document.sha256]),
          await client.query(ONE.links, [document.sha256]),
        ];
        const [stored] = toRegisteredDocuments(documents.rows, links.rows);
        if (!stored) throw new Error(`document ${document.sha256} not found after writing it`);
        const written = { document: stored, ...result };
        if (audit) await appendPostgresAudit(client, audit(written));
        await client.query("commit");
        return written;
      } catch (e) {
        await client.query("rollback").catch(() => undefined);
        throw storeError("store-failure", `registering ${document.fileName}`, e);
      } finally {
        client.release();
      }
    },
    list: () => guarded("listing registered documents", listAll),
    listScoped: (scope) =>
      guarded("listing registered documents", async () => {
        const q = scopedRegistrySql(scope);
        const [documents, links] = await Promise.all([
          pool.query(numbered(q.documents.text), [...q.documents.params]),
          pool.query(numbered(q.links.text), [...q.links.params]),
        ]);
        return toRegisteredDocuments(documents.rows, links.rows);
      }),
    async read(sha256) {
      const { rows } = await guarded(`reading document ${sha256}`, () =>
        pool.query<{ bytes: Buffer }>("select bytes from registry_contents where sha256 = $1", [sha256]),
      );
      const bytes = rows[0]?.bytes;
      return bytes === undefined ? undefined : new Uint8Array(bytes);
    },
  };
}
