import type { CbpCategory } from "./cbp-category.ts";
import { compareText } from "./compare-text.ts";
import type {
  DocumentCitation,
  DocumentIndexRow,
  FlowChart,
  LabTestRow,
  PartyRow,
  Reconciliation,
  RecordRow,
  ScreeningHitRow,
  ScreeningRow,
  ScreeningStatus,
  TierSection,
} from "./evidence-package.ts";
import type { DocumentInput, PackageInput, ScreeningHitInput, ScreeningInput } from "./package-input.ts";

export function buildFlowChart(input: PackageInput): FlowChart {
  const nodes = input.chain.nodes
    .map((n) => ({
      id: n.id,
      name: n.name,
      role: n.role,
      country: n.country,
      region: n.region ?? null,
      inputKg: n.inputKg ?? null,
      outputKg: n.outputKg ?? null,
      onShippedPath: n.onShippedPath,
      risky: n.risks.length > 0,
      risks: n.risks.map((r) => ({ code: r.code, message: r.message })),
    }))
    .toSorted((a, b) => compareText(a.id, b.id));
  const edges = input.chain.edges
    .map((e) => ({
      from: e.from,
      to: e.to,
      lot: e.lot,
      kg: e.kg,
      share: e.share ?? null,
      onShippedPath: e.onShippedPath,
    }))
    .toSorted((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.lot, b.lot));
  return { nodes, edges };
}

export function buildParties(input: PackageInput): PartyRow[] {
  return input.parties
    .map((p) => ({
      id: p.id,
      name: p.name,
      aliases: [...p.aliases],
      roles: [...new Set(p.roles)].sort(compareText),
      country: p.country ?? null,
      address: p.address ?? null,
      identifiers: p.identifiers.map((i) => `${i.scheme} ${i.value}`).sort(compareText),
      facilities: input.chain.nodes
        .filter((n) => n.party === p.id)
        .map((n) => n.name)
        .sort(compareText),
    }))
    .toSorted((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

const STATUS_RANK: Readonly<Record<ScreeningStatus, number>> = {
  confirmed: 3,
  open: 2,
  dismissed: 1,
  clear: 0,
};

function hitStatus(hit: ScreeningHitInput): ScreeningStatus {
  if (hit.review) return hit.review.decision;
  return hit.match ? "open" : "clear";
}

function screeningRow(s: ScreeningInput): ScreeningRow {
  const hits: ScreeningHitRow[] = s.results
    .map((h) => ({
      entity: h.entity.name,
      list: h.entity.section ? `${h.entity.list} ${h.entity.section}` : h.entity.list,
      score: h.score,
      threshold: h.threshold,
      match: h.match,
      status: hitStatus(h),
      explanations: [...h.explanations],
      review: h.review
        ? `${h.review.decision} by ${h.review.user} on ${h.review.at}: ${h.review.reason}`
        : null,
    }))
    .toSorted((a, b) => b.score - a.score || compareText(a.entity, b.entity));
  const status = hits.reduce<ScreeningStatus>(
    (w, h) => (STATUS_RANK[h.status] > STATUS_RANK[w] ? h.status : w),
    "clear",
  );
  const geo = s.geography;
  return {
    subject: { ...s.subject },
    status,
    xinjiang: geo?.xinjiang
      ? {
          division: geo.division ? `${geo.division.name} (${geo.division.code})` : null,
          evidence: [...geo.evidence],
        }
      : null,
    hits,
  };
}

export function buildScreening(input: PackageInput): ScreeningRow[] {
  return input.screening
    .map(screeningRow)
    .toSorted(
      (a, b) =>
        STATUS_RANK[b.status] - STATUS_RANK[a.status] ||
        compareText(a.subject.name, b.subject.name) ||
        compareText(a.subject.id, b.subject.id),
    );
}

export function citeDocument(d: DocumentInput): DocumentCitation {
  return { id: d.id, category: d.category, fileName: d.fileName, sha256: d.sha256, date: d.date ?? null };
}

const TRANSPORT: readonly CbpCategory[] = ["bill-of-lading", "transport-document"];

function sameKind(a: CbpCategory, b: CbpCategory): boolean {
  return a === b || (TRANSPORT.includes(a) && TRANSPORT.includes(b));
}

export function buildTiers(input: PackageInput, depths: ReadonlyMap<string, number>): TierSection[] {
  const maxDepth = Math.max(-1, ...depths.values());
  const tiers: TierSection[] = [];
  for (let tier = 0; tier <= maxDepth; tier++) {
    const nodes = input.chain.nodes
      .filter((n) => depths.get(n.id) === tier)
      .toSorted((a, b) => compareText(a.name, b.name));
    if (nodes.length === 0) continue;
    const ids = new Set(nodes.map((n) => n.id));
    const records = input.records
      .filter((r) => ids.has(r.from))
      .map((r): RecordRow => {
        // Other documents may cite the transaction too (a packing list names its B/L); only one of
        // the record's own kind documents it.
        const docs = input.documents
          .filter((d) => sameKind(d.category, r.category))
          .filter((d) => d.links.some((l) => l.kind === "biz-transaction" && l.id === r.bizTransaction.id))
          .map(citeDocument)
          .toSorted((a, b) => compareText(a.id, b.id));
        return {
          bizTransaction: { ...r.bizTransaction },
          category: r.category,
          from: r.from,
          to: r.to,
          lots: [...r.lots],
          date: r.date ?? null,
          documents: docs,
          status: docs.length > 0 ? "present" : "missing",
        };
      })
      .toSorted(
        (a, b) =>
          compareText(a.from, b.from) ||
          compareText(a.to, b.to) ||
          compareText(a.bizTransaction.id, b.bizTransaction.id),
      );
    const roles = [...new Set(nodes.map((n) => n.role))].sort(compareText);
    tiers.push({ tier, roles, nodes: nodes.map((n) => ({ id: n.id, name: n.name })), records });
  }
  return tiers;
}

export function buildReconciliation(input: PackageInput): Reconciliation {
  const locations = input.massBalance
    .map((m) => {
      const inputKg = m.inputs.reduce((s, x) => s + x.kg, 0);
      const outputKg = m.outputs.reduce((s, x) => s + x.kg, 0);
      return {
        location: m.location,
        name: m.name,
        stage: m.stage ?? null,
        inputKg,
        outputKg,
        yield: inputKg > 0 ? outputKg / inputKg : null,
        maxYield: m.maxYield ?? null,
        status: m.status,
        claims: m.claims.map((c) => ({ ...c })),
      };
    })
    .toSorted((a, b) => compareText(a.location, b.location));
  return { locations, shipment: shipmentBalance(input) };
}

/** "Does that amount make sense for the final good?": shipped cotton ≤ what the suppliers of the import made. */
function shipmentBalance(input: PackageInput): Reconciliation["shipment"] {
  const { shipment, chain } = input;
  const shippedKg = shipment.cottonKg ?? (shipment.quantity.unit === "KGM" ? shipment.quantity.value : null);
  const importers = new Set(chain.nodes.filter((n) => n.role === "importer").map((n) => n.id));
  const suppliers = new Set(
    chain.edges.filter((e) => e.onShippedPath && importers.has(e.to)).map((e) => e.from),
  );
  const outputs = chain.nodes.filter((n) => suppliers.has(n.id)).map((n) => n.outputKg);
  const producedKg =
    outputs.length > 0 && outputs.every((o) => o !== undefined)
      ? outputs.reduce<number>((s, o) => s + (o ?? 0), 0)
      : null;
  if (shippedKg === null || producedKg === null) return { shippedKg, producedKg, status: "unknown" };
  return { shippedKg, producedKg, status: shippedKg <= producedKg * (1 + 1e-9) ? "ok" : "exceeded" };
}

export function buildLabTests(input: PackageInput): LabTestRow[] {
  return input.labTests
    .map((t) => ({
      id: t.id,
      lab: t.lab,
      accreditation: t.accreditation ?? null,
      method: t.method,
      sample: t.sample,
      date: t.date,
      result: t.result,
      consistentWithClaim: t.consistentWithClaim,
      document: t.document ?? null,
    }))
    .toSorted((a, b) => compareText(a.id, b.id));
}

export function buildDocumentIndex(input: PackageInput): DocumentIndexRow[] {
  return input.documents
    .map((d) => ({
      ...citeDocument(d),
      language: d.language,
      translationOf: d.translationOf ?? null,
      supports: [...new Set(d.links.map((l) => `${l.kind} ${l.id}`))].sort(compareText),
    }))
    .toSorted((a, b) => compareText(a.id, b.id));
}
