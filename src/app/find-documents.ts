import { canonicalEpc, type DocumentRef, type Issue } from "../model/index.ts";
import { documentCategory } from "./add-document.ts";
import { sameTransaction } from "./document-refs.ts";
import type { RegisteredDocument } from "./document-registry.ts";
import { AppError } from "./errors.ts";
import { ALL_DATA, type DataScope } from "./principal.ts";
import type { Store } from "./store.ts";

export interface DocumentQuery {
  /** Anything a link may name; an event also finds the documents of its business transactions. */
  readonly ref?: string;
  /** A CBP category id, label or alias. */
  readonly type?: string;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function names(document: RegisteredDocument, refs: readonly string[]): boolean {
  return document.links.some((l) =>
    refs.some((r) => l.ref === r || (l.kind === "biz-transaction" && sameTransaction(l.ref, r))),
  );
}

/** The ref as typed, its canonical EPC, and the business transactions of the event it names. */
async function refsMeaning(store: Store, raw: string): Promise<string[]> {
  const epc = canonicalEpc(raw);
  const event = await store.getEvent(raw as never);
  return [raw, ...(epc ? [epc] : []), ...(event?.bizTransactions.map((b) => b.id) ?? [])];
}

/**
 * Registered documents, by SHA-256, optionally only those of one type or linked to one ref;
 * `scope` limits them in the store to what a supplier may see.
 */
export async function listDocuments(
  store: Store,
  query: DocumentQuery = {},
  scope: DataScope = ALL_DATA,
): Promise<RegisteredDocument[]> {
  const category = query.type === undefined ? undefined : documentCategory(query.type);
  const refs = query.ref === undefined ? undefined : await refsMeaning(store, query.ref.trim());
  return (await store.registry.listScoped(scope)).filter(
    (d) => (category === undefined || d.category === category) && (refs === undefined || names(d, refs)),
  );
}

export interface DocumentDetail {
  readonly document: RegisteredDocument;
  /** Events carrying a business transaction the document is linked to, resolved now. */
  readonly events: readonly string[];
  /** Links that name nothing in the store (yet). */
  readonly issues: readonly Issue[];
}

function eventsOf(document: RegisteredDocument, transactions: readonly DocumentRef[]): string[] {
  const ids = document.links
    .filter((l) => l.kind === "biz-transaction")
    .flatMap((l) => transactions.filter((t) => sameTransaction(t.ref, l.ref)))
    .flatMap((t) => (t.event ? [t.event as string] : []));
  return [...new Set(ids)].sort();
}

/** One document by its SHA-256 or an unambiguous prefix of it (at least 4 hex characters). */
export async function showDocument(store: Store, prefix: string): Promise<DocumentDetail> {
  const wanted = prefix.trim().toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(wanted))
    throw new AppError("usage", `"${prefix}" is not a SHA-256 or a prefix of one (4–64 hex characters)`);
  const found = (await store.registry.list()).filter((d) => d.sha256.startsWith(wanted));
  const [document] = found;
  if (!document) throw new AppError("not-found", `no registered document ${wanted} in ${store.location}`);
  if (found.length > 1)
    throw new AppError("usage", `${wanted} matches ${found.length} documents; give more of the SHA-256`);
  const transactions = await collect(store.documents());
  const issues: Issue[] = document.links
    .filter((l) => l.kind === "biz-transaction" && !transactions.some((t) => sameTransaction(t.ref, l.ref)))
    .map((l) => ({
      code: "unknown-ref",
      severity: "warning",
      path: "links",
      provenance: { source: document.fileName, locator: l.ref },
      message: "no event in the store carries this business transaction (yet)",
    }));
  const events = eventsOf(document, transactions);
  return { document, events, issues };
}
