import { createHash } from "node:crypto";
import { assertNever } from "../lib/index.ts";
import type { Issue, SupplyEvent } from "../model/index.ts";
import type { DocumentInput, EvidencePackage, PackageInput } from "../report/index.ts";
import type { DocumentLink, RegisteredDocument } from "./document-registry.ts";
import { shortTransactionId } from "./list-shipments.ts";
import type { Store } from "./store.ts";

type ReportLink = DocumentInput["links"][number];

/** How the package cites a registered document: the start of its SHA-256, like a short commit id. */
export function packageDocumentId(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Live events by the printed form of each business transaction they carry. */
type EventsByTransaction = ReadonlyMap<string, readonly string[]>;

// One index per loaded event list: the main job packages many shipments from one context.
const indexes = new WeakMap<readonly SupplyEvent[], EventsByTransaction>();

function eventsByTransaction(events: readonly SupplyEvent[]): EventsByTransaction {
  const known = indexes.get(events);
  if (known) return known;
  const index = new Map<string, string[]>();
  for (const e of events) {
    if (e.retracted) continue;
    for (const b of e.bizTransactions) {
      const key = shortTransactionId(b.id);
      const ids = index.get(key);
      if (!ids) index.set(key, [e.id]);
      else if (ids.at(-1) !== e.id) ids.push(e.id);
    }
  }
  indexes.set(events, index);
  return index;
}

/**
 * A stored link as the report reads it, resolved now: a business transaction also links the
 * events that carry it, so a document added before its events were imported still counts.
 */
function reportLinks(link: DocumentLink, events: readonly SupplyEvent[]): ReportLink[] {
  switch (link.kind) {
    case "biz-transaction": {
      const id = shortTransactionId(link.ref);
      const carriers = eventsByTransaction(events).get(id) ?? [];
      return [
        { kind: "biz-transaction", id },
        ...carriers.map((e): ReportLink => ({ kind: "event", id: e })),
      ];
    }
    case "event": {
      const event = events.find((e) => e.id === link.ref || e.declaredId === link.ref);
      return [{ kind: "event", id: event?.id ?? link.ref }];
    }
    case "document":
      return [];
    case "lot":
    case "location":
    case "party":
    case "shipment":
      return [{ kind: link.kind, id: link.ref }];
    default:
      return assertNever(link.kind, "document link kind");
  }
}

function documentInput(d: RegisteredDocument, events: readonly SupplyEvent[]): DocumentInput {
  const links = d.links.flatMap((l) => reportLinks(l, events));
  const unique = [...new Map(links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
  const original = d.category === "translation" ? d.links.find((l) => l.kind === "document") : undefined;
  return {
    id: packageDocumentId(d.sha256),
    category: d.category,
    sha256: d.sha256,
    fileName: d.fileName,
    ...(d.date === undefined ? {} : { date: d.date }),
    language: d.language,
    ...(original ? { translationOf: packageDocumentId(original.ref) } : {}),
    links: unique.sort((a, b) => (`${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1)),
  };
}

/** Every link key the package's chain, records and shipment touch. */
function packageKeys(input: Omit<PackageInput, "documents">): Set<string> {
  const { shipment, chain, records, parties } = input;
  return new Set([
    `shipment:${shipment.id}`,
    ...shipment.bizTransactions.map((b) => `biz-transaction:${b.id}`),
    ...shipment.lots.map((l) => `lot:${l}`),
    ...chain.nodes.flatMap((n) => [`location:${n.id}`, ...(n.party ? [`party:${n.party}`] : [])]),
    ...chain.edges.flatMap((e) => [`lot:${e.lot}`, ...(e.event ? [`event:${e.event}`] : [])]),
    ...records.flatMap((r) => [
      `biz-transaction:${r.bizTransaction.id}`,
      ...r.lots.map((l) => `lot:${l}`),
      ...(r.event ? [`event:${r.event}`] : []),
    ]),
    ...parties.map((p) => `party:${p.id}`),
  ]);
}

/**
 * The registered documents that concern this shipment: linked to anything on its chain, its
 * records or the shipment itself, plus the translations of those.
 */
export async function packageDocuments(
  store: Store,
  events: readonly SupplyEvent[],
  input: Omit<PackageInput, "documents">,
): Promise<DocumentInput[]> {
  const keys = packageKeys(input);
  const all = (await store.registry.list()).map((d) => documentInput(d, events));
  const concerned = all.filter((d) => d.links.some((l) => keys.has(`${l.kind}:${l.id}`)));
  const ids = new Set(concerned.map((d) => d.id));
  const translations = all.filter((d) => d.translationOf && ids.has(d.translationOf) && !ids.has(d.id));
  return [...concerned, ...translations];
}

/** A file the package folder carries beside package.json: `documents/<sha256><extension>`. */
export interface PackageAttachment {
  readonly path: string;
  readonly bytes: Uint8Array;
}

function extensionOf(fileName: string): string {
  return /\.[A-Za-z0-9]{1,10}$/.exec(fileName)?.[0].toLowerCase() ?? "";
}

/**
 * The bytes of every document the package indexes, checked against their SHA-256. A document
 * whose stored bytes are gone or changed is not attached; it comes back as an issue instead.
 */
export async function readAttachments(
  store: Store,
  pkg: EvidencePackage,
): Promise<{ attachments: PackageAttachment[]; issues: Issue[] }> {
  const attachments: PackageAttachment[] = [];
  const issues: Issue[] = [];
  for (const d of pkg.documents) {
    const bytes = await store.registry.read(d.sha256);
    if (bytes && createHash("sha256").update(bytes).digest("hex") === d.sha256) {
      attachments.push({ path: `documents/${d.sha256}${extensionOf(d.fileName)}`, bytes });
      continue;
    }
    issues.push({
      code: bytes ? "document-changed" : "document-missing",
      severity: "error",
      path: "documents",
      provenance: { source: d.fileName, locator: d.sha256 },
      message: `${bytes ? "no longer matches its SHA-256" : "is gone from the store"}: not copied into documents/ (run threadproof docs verify)`,
    });
  }
  return { attachments, issues };
}
