import { createHash } from "node:crypto";
import type { AddedDocument } from "./add-document.ts";
import type { AuditEntry, AuditRecord } from "./audit-trail.ts";
import { appendAudit, auditEntry } from "./audit-trail-append.ts";
import type { DocumentAddResult } from "./document-registry.ts";
import type { PackagedShipment } from "./package-shipment.ts";
import type { Principal } from "./principal.ts";
import type { ImportLogEntry, Store } from "./store.ts";

/**
 * The audit record of an import, built from its log entry: passed to `importFile` (`audit`), the
 * store appends it in the import's own transaction, so the import and its record are both there or
 * neither. The same shape whether the CLI or the server imported; a supplier's names its party.
 */
export function importAuditEntry(
  principal: Principal,
  log: ImportLogEntry,
  extra: Readonly<Record<string, unknown>> = {},
): AuditEntry {
  return auditEntry(principal, "import", `import:${log.id}`, {
    after: { sha256: log.sha256, added: log.added },
    detail: { source: log.source, format: log.format, sha256: log.sha256, added: log.added, ...extra },
  });
}

/** The audit record of a registered document, for the registry to append in the file's own transaction. */
export function documentAuditEntry(principal: Principal, written: DocumentAddResult): AuditEntry {
  const { document } = written;
  return auditEntry(principal, "document.add", `document:${document.sha256}`, {
    after: document,
    detail: {
      fileName: document.fileName,
      category: document.category,
      added: written.added,
      newLinks: written.newLinks,
    },
  });
}

/** As {@link documentAuditEntry}, appended after the document's transaction (the bundled sample's set-up). */
export function auditDocumentAdd(
  store: Store,
  principal: Principal,
  added: AddedDocument,
): Promise<AuditRecord> {
  return store.appendAuditEntry(documentAuditEntry(principal, added));
}

/** A package is built from the store, not written to it: its record follows the build. */
export function auditPackage(
  store: Store,
  principal: Principal,
  shipmentId: string,
  built: PackagedShipment,
): Promise<AuditRecord> {
  const jsonSha256 = createHash("sha256").update(built.json).digest("hex");
  return appendAudit(store, principal, "package.build", `package:${shipmentId}`, {
    after: { jsonSha256 },
    detail: { shipment: shipmentId, verdict: built.verdict, jsonSha256 },
  });
}
