import { canonicalEpc, type DocumentRef, type Issue, issue } from "../model/index.ts";
import type { DocumentLink, DocumentLinkKind } from "./document-registry.ts";
import { shortTransactionId } from "./list-shipments.ts";
import type { Store } from "./store.ts";

const SHA256 = /^[0-9a-f]{64}$/;

/** A business-transaction id compared as printed: `urn:epcglobal:cbv:bt:…:BOL-1` and `BOL-1` are one. */
export function sameTransaction(a: string, b: string): boolean {
  return shortTransactionId(a) === shortTransactionId(b);
}

/** What an unknown ref most likely is, from its shape; a bare number is a business document's. */
function kindByShape(ref: string): DocumentLinkKind {
  if (/^urn:epc:(class|idpat):|^urn:epc:id:(sgtin|sscc)|^lot:/.test(ref)) return "lot";
  if (/^urn:epc:id:sgln:|^loc:/.test(ref)) return "location";
  if (/^urn:epc:id:pgln:|^party:/.test(ref)) return "party";
  if (/^ni:\/\/\/|^urn:uuid:/.test(ref)) return "event";
  return "biz-transaction";
}

/** Internal ids may be typed without their prefix (`F22-01` for `lot:F22-01`). */
function candidates(raw: string): string[] {
  const epc = canonicalEpc(raw);
  return epc ? [epc] : [raw, `lot:${raw}`, `loc:${raw}`, `party:${raw}`];
}

interface RefLookup {
  find(raw: string): Promise<DocumentLink | undefined>;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A lot, location or party with this id (or its canonical EPC, or its prefixed internal id). */
async function findRecord(store: Store, raw: string): Promise<DocumentLink | undefined> {
  for (const id of candidates(raw)) {
    if (await store.getLot(id as never)) return { kind: "lot", ref: id };
    if (await store.getLocation(id as never)) return { kind: "location", ref: id };
    if (await store.getParty(id as never)) return { kind: "party", ref: id };
  }
  return undefined;
}

/** Looks refs up in the store; registered documents and business transactions are read once, on first need. */
function refLookup(store: Store): RefLookup {
  let transactions: Promise<DocumentRef[]> | undefined;
  let registered: Promise<Set<string>> | undefined;
  const isDocument = async (raw: string) => {
    if (!SHA256.test(raw)) return false;
    registered ??= store.registry.list().then((all) => new Set(all.map((d) => d.sha256)));
    return (await registered).has(raw);
  };
  const isTransaction = async (raw: string) => {
    transactions ??= collect(store.documents());
    return (await transactions).some((d) => sameTransaction(d.ref, raw));
  };
  return {
    async find(raw) {
      if (await isDocument(raw)) return { kind: "document", ref: raw };
      const record = await findRecord(store, raw);
      if (record) return record;
      if (await store.getEvent(raw as never)) return { kind: "event", ref: raw };
      if (await isTransaction(raw)) return { kind: "biz-transaction", ref: raw };
      return undefined;
    },
  };
}

export interface ResolvedRefs {
  readonly links: readonly DocumentLink[];
  /** One warning per ref the store does not know (kept, typed by its shape). */
  readonly issues: readonly Issue[];
}

/**
 * Types each ref a user gave by what it names in the store: a lot, location, party, event,
 * business transaction or registered document. An unknown ref is kept (its events may be
 * imported later; business transactions link to their events when read) with a warning.
 */
export async function resolveDocumentRefs(store: Store, refs: readonly string[]): Promise<ResolvedRefs> {
  const lookup = refLookup(store);
  const links: DocumentLink[] = [];
  const issues: Issue[] = [];
  for (const raw of refs.map((r) => r.trim()).filter(Boolean)) {
    const found = await lookup.find(raw);
    if (found) {
      links.push(found);
      continue;
    }
    const kind = kindByShape(raw);
    links.push({ kind, ref: raw });
    issues.push(
      issue(
        "unknown-ref",
        { source: "--ref", locator: raw },
        "ref",
        `not in ${store.location} (yet): kept as a ${kind} link`,
        "warning",
      ),
    );
  }
  return { links, issues };
}
