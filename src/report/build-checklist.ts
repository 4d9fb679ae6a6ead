import {
  CBP_CATEGORIES,
  CBP_CATEGORY_LABELS,
  type CbpCategory,
  NODE_REQUIREMENTS,
  ROLE_LABELS,
  SHIPMENT_REQUIREMENTS,
  SUPPORTING_CATEGORIES,
  TRANSFER_REQUIREMENTS,
} from "./cbp-category.ts";
import { compareText } from "./compare-text.ts";
import type { Checklist, ChecklistCategoryRow, ChecklistItem, ChecklistScope } from "./evidence-package.ts";
import type { DocumentInput, PackageInput, SupplyNodeInput } from "./package-input.ts";

/** A requirement before it is matched: which category, where, and which link keys would satisfy it. */
interface Slot {
  readonly category: CbpCategory;
  readonly scope: ChecklistScope;
  readonly requirement: "required" | "supporting";
  readonly keys: ReadonlySet<string>;
  readonly order: number;
}

/** A bill of lading is the transport document of the import leg. */
const ACCEPTS: Partial<Record<CbpCategory, readonly CbpCategory[]>> = {
  "transport-document": ["transport-document", "bill-of-lading"],
};

/**
 * CBP's checklist for this shipment: what each facility and each sale on the shipped lot's path
 * should be documented by, matched against the registry's document links.
 */
export function buildChecklist(input: PackageInput, depths: ReadonlyMap<string, number>): Checklist {
  const slots = [...nodeSlots(input, depths), ...transferSlots(input, depths), ...shipmentSlots(input)];
  const items = slots
    .toSorted(
      (a, b) =>
        CBP_CATEGORIES.indexOf(a.category) - CBP_CATEGORIES.indexOf(b.category) ||
        a.order - b.order ||
        compareText(a.scope.label, b.scope.label),
    )
    .map((slot) => matchSlot(slot, input.documents));
  return {
    byCategory: CBP_CATEGORIES.map((category) => categoryRow(category, items)),
    items,
    missing: items.filter((i) => i.requirement === "required" && i.status === "missing"),
  };
}

function linkKeys(doc: DocumentInput): Set<string> {
  const keys = doc.links.map((l) => `${l.kind}:${l.id}`);
  return new Set(doc.translationOf ? [...keys, `translation-of:${doc.translationOf}`] : keys);
}

function matchSlot(slot: Slot, documents: readonly DocumentInput[]): ChecklistItem {
  const accepted = ACCEPTS[slot.category] ?? [slot.category];
  const docs = documents
    .filter((d) => accepted.includes(d.category) && [...linkKeys(d)].some((k) => slot.keys.has(k)))
    .map((d) => d.id)
    .toSorted(compareText);
  return {
    category: slot.category,
    scope: slot.scope,
    requirement: slot.requirement,
    status: docs.length > 0 ? "present" : "missing",
    documents: docs,
  };
}

function nodeSlots(input: PackageInput, depths: ReadonlyMap<string, number>): Slot[] {
  const { nodes, edges } = input.chain;
  const touchingOf = new Map<string, (typeof edges)[number][]>();
  for (const e of edges)
    for (const end of new Set([e.from, e.to])) {
      const list = touchingOf.get(end);
      if (list) list.push(e);
      else touchingOf.set(end, [e]);
    }
  return nodes
    .filter((n) => n.onShippedPath)
    .flatMap((node) => {
      const touching = touchingOf.get(node.id) ?? [];
      const keys = new Set([
        `location:${node.id}`,
        ...(node.party ? [`party:${node.party}`] : []),
        ...touching.map((e) => `lot:${e.lot}`),
        ...touching.flatMap((e) => (e.event ? [`event:${e.event}`] : [])),
      ]);
      const scope: ChecklistScope = { kind: "node", node: node.id, label: nodeLabel(node) };
      const order = depths.get(node.id) ?? 0;
      return NODE_REQUIREMENTS[node.role].map(
        (category): Slot => ({ category, scope, requirement: "required", keys, order }),
      );
    });
}

function groupByPair<T extends { readonly from: string; readonly to: string }>(
  items: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.from}\u0000${item.to}`;
    const group = out.get(key);
    if (group) group.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function transferSlots(input: PackageInput, depths: ReadonlyMap<string, number>): Slot[] {
  const byName = new Map(input.chain.nodes.map((n) => [n.id, n]));
  const pairs = new Map<string, { from: string; to: string }>();
  for (const e of input.chain.edges.filter((x) => x.onShippedPath)) pairs.set(`${e.from}\u0000${e.to}`, e);
  // Grouped once: filtering every edge and record per pair is quadratic on a 10,000-event chain.
  const edgesOf = groupByPair(input.chain.edges);
  const recordsOf = groupByPair(input.records);
  return [...pairs].flatMap(([pair, { from, to }]) => {
    const edges = edgesOf.get(pair) ?? [];
    const records = recordsOf.get(pair) ?? [];
    const keys = new Set([
      ...edges.map((e) => `lot:${e.lot}`),
      ...edges.flatMap((e) => (e.event ? [`event:${e.event}`] : [])),
      ...records.map((r) => `biz-transaction:${r.bizTransaction.id}`),
    ]);
    const label = `${byName.get(from)?.name ?? from} → ${byName.get(to)?.name ?? to}`;
    const scope: ChecklistScope = { kind: "transfer", from, to, label };
    const order = (depths.get(from) ?? 0) + 0.5;
    return TRANSFER_REQUIREMENTS.map(
      (category): Slot => ({ category, scope, requirement: "required", keys, order }),
    );
  });
}

function shipmentSlots(input: PackageInput): Slot[] {
  const { shipment } = input;
  const keys = new Set([
    `shipment:${shipment.id}`,
    ...shipment.bizTransactions.map((b) => `biz-transaction:${b.id}`),
    ...shipment.lots.map((l) => `lot:${l}`),
  ]);
  const scope: ChecklistScope = { kind: "shipment", label: `Shipment ${shipment.id}` };
  const order = Number.MAX_SAFE_INTEGER;
  const required = SHIPMENT_REQUIREMENTS.map(
    (category): Slot => ({ category, scope, requirement: "required", keys, order }),
  );
  const supporting = SUPPORTING_CATEGORIES.map(
    (category): Slot => ({ category, scope, requirement: "supporting", keys, order }),
  );
  return [...required, ...supporting, ...translationSlots(input.documents, order)];
}

/** Every document not in English needs a translation that names it (`translationOf`). */
function translationSlots(documents: readonly DocumentInput[], order: number): Slot[] {
  return documents
    .filter((d) => !isEnglish(d.language) && d.category !== "translation")
    .map((d) => ({
      category: "translation" as const,
      scope: { kind: "shipment" as const, label: `Translation of ${d.fileName}` },
      requirement: "required" as const,
      keys: new Set([`translation-of:${d.id}`]),
      order,
    }));
}

export function isEnglish(language: string): boolean {
  return language.toLowerCase() === "en" || language.toLowerCase().startsWith("en-");
}

function categoryRow(category: CbpCategory, items: readonly ChecklistItem[]): ChecklistCategoryRow {
  const mine = items.filter((i) => i.category === category);
  const present = mine.filter((i) => i.status === "present").length;
  const missing = mine.length - present;
  const supporting = mine.length > 0 && mine.every((i) => i.requirement === "supporting");
  const status =
    mine.length === 0
      ? "not-applicable"
      : missing === 0
        ? "present"
        : supporting && present === 0
          ? "not-provided"
          : present === 0
            ? "missing"
            : "partial";
  return { category, label: CBP_CATEGORY_LABELS[category], present, missing, status };
}

function nodeLabel(node: SupplyNodeInput): string {
  return `${node.name} (${ROLE_LABELS[node.role]})`;
}
