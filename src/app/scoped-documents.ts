import type { Issue } from "../model/index.ts";
import {
  type AddDocumentOptions,
  type AddedDocument,
  addDocument,
  type DocumentFile,
} from "./add-document.ts";
import { documentAuditEntry } from "./audit-trail-writes.ts";
import { resolveDocumentRefs } from "./document-refs.ts";
import type { DocumentLink, RegisteredDocument } from "./document-registry.ts";
import { AppError } from "./errors.ts";
import { type DocumentQuery, listDocuments } from "./find-documents.ts";
import { type DataScope, type Principal, scopeOf } from "./principal.ts";
import type { ScopedKind } from "./scoped-reads.ts";
import type { Store } from "./store.ts";

const SCOPED_KINDS: Readonly<Partial<Record<DocumentLink["kind"], ScopedKind>>> = {
  party: "party",
  location: "location",
  lot: "lot",
  event: "event",
};

async function linkInScope(store: Store, scope: DataScope, link: DocumentLink): Promise<boolean> {
  const kind = SCOPED_KINDS[link.kind];
  return kind !== undefined && (await store.inScope(scope, kind, link.ref));
}

function refIssue(ref: string): Issue {
  return {
    code: "ref-out-of-scope",
    severity: "error",
    path: "ref",
    provenance: { source: "request", locator: ref },
    // The same words whether the ref exists elsewhere or not at all: nothing is revealed.
    message: "not your party, nor one of its locations, or a lot or event there",
  };
}

/**
 * A supplier may only attach documents to its own records: every ref must resolve to its party,
 * a location it operates, or a lot or event there (business transactions and other documents are
 * not a supplier's to name). Refused whole, every bad ref listed, before anything is stored.
 */
async function checkSupplierRefs(store: Store, scope: DataScope, refs: readonly string[]): Promise<void> {
  if (scope.kind === "all") return;
  if (refs.length === 0)
    throw new AppError(
      "invalid-input",
      "a supplier's document needs at least one ref (its party, a location or a lot)",
    );
  const { links } = await resolveDocumentRefs(store, refs);
  const bad: Issue[] = [];
  for (const link of links) if (!(await linkInScope(store, scope, link))) bad.push(refIssue(link.ref));
  if (bad.length > 0)
    throw new AppError(
      "invalid-input",
      `${bad.length} ref(s) outside your party's records; nothing was stored`,
      {
        issues: bad,
      },
    );
}

/** What the caller may see of a registered document: a supplier sees only the links in its scope. */
async function visibleDocument(store: Store, scope: DataScope, document: RegisteredDocument) {
  if (scope.kind === "all") return document;
  const links: DocumentLink[] = [];
  for (const l of document.links) if (await linkInScope(store, scope, l)) links.push(l);
  return { ...document, links };
}

/** Registers one uploaded file as `principal` (scoped for suppliers), then records it in the audit trail. */
export async function addDocumentAs(
  store: Store,
  principal: Principal,
  file: DocumentFile,
  options: AddDocumentOptions,
): Promise<AddedDocument> {
  const scope = scopeOf(principal);
  await checkSupplierRefs(store, scope, options.refs);
  // The registry appends the audit record in the document's own transaction: both or neither.
  const added = await addDocument(store, file, {
    ...options,
    audit: (written) => documentAuditEntry(principal, written),
  });
  return { ...added, document: await visibleDocument(store, scope, added.document) };
}

/** Registered documents the principal may see, filtered by type and ref as `threadproof docs list`. */
export async function listDocumentsAs(
  store: Store,
  principal: Principal,
  query: DocumentQuery = {},
): Promise<RegisteredDocument[]> {
  return listDocuments(store, query, scopeOf(principal));
}

/** One document by its full SHA-256, if the principal may see it (not-found otherwise, never forbidden). */
export async function findDocumentAs(
  store: Store,
  principal: Principal,
  sha256: string,
): Promise<RegisteredDocument> {
  const scope = scopeOf(principal);
  const found = (await store.registry.listScoped(scope)).find((d) => d.sha256 === sha256);
  if (!found) throw new AppError("not-found", `no registered document ${sha256}`);
  return visibleDocument(store, scope, found);
}

/** The bytes of a document the principal may see, checked against their hash by the caller's download. */
export async function readDocumentAs(
  store: Store,
  principal: Principal,
  sha256: string,
): Promise<{ document: RegisteredDocument; bytes: Uint8Array }> {
  const document = await findDocumentAs(store, principal, sha256);
  const bytes = await store.registry.read(sha256);
  if (!bytes) throw new AppError("not-found", `the bytes of document ${sha256} are missing from the store`);
  return { document, bytes };
}
