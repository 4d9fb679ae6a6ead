import { createHash } from "node:crypto";
import type { AddedDocument } from "./add-document.ts";
import type { AuditRecord } from "./audit-trail.ts";
import { appendAudit } from "./audit-trail-append.ts";
import type { ImportResult } from "./import-file.ts";
import type { PackagedShipment } from "./package-shipment.ts";
import type { Principal } from "./principal.ts";
import type { Store } from "./store.ts";

/**
 * The audit records of writes whose store transaction is not the audit's (an import session, a
 * document's bytes, a package built from the store): appended right after the write commits, in
 * the same shape whether the CLI or the server made it.
 */
export function auditImport(store: Store, principal: Principal, result: ImportResult): Promise<AuditRecord> {
  return appendAudit(store, principal, "import", `import:${result.log.id}`, {
    after: { sha256: result.sha256, added: result.added },
    detail: { source: result.source, format: result.format, sha256: result.sha256, added: result.added },
  });
}

export function auditDocumentAdd(
  store: Store,
  principal: Principal,
  added: AddedDocument,
): Promise<AuditRecord> {
  const { document } = added;
  return appendAudit(store, principal, "document.add", `document:${document.sha256}`, {
    after: document,
    detail: {
      fileName: document.fileName,
      category: document.category,
      added: added.added,
      newLinks: added.newLinks,
    },
  });
}

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
