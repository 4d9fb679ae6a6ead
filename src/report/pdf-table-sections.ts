import { capList } from "./cap-rows.ts";
import { CBP_CATEGORY_LABELS, ROLE_LABELS } from "./cbp-category.ts";
import type { ChecklistCategoryRow, EvidencePackage, ScreeningStatus } from "./evidence-package.ts";
import { formatCount, formatKg, formatNumber } from "./format-figure.ts";
import { type Cell, COLOURS, type Pdf, paragraph, subheading, table } from "./pdf-layout.ts";

/** Rows printed per table before the rest is left to package.json (see cap-rows.ts). */
const CAPS = {
  parties: { limit: 120, noun: "parties" },
  screening: { limit: 150, noun: "screening rows" },
  tierRecords: { limit: 30, noun: "business records in this tier" },
  reconciliation: { limit: 80, noun: "facilities" },
  missing: { limit: 60, noun: "missing documents" },
  checklist: { limit: 80, noun: "checklist items" },
} as const;
/** Names in a tier heading, and lines in one cell, before "… and N more". */
const NAMES_IN_HEADING = 6;
const LINES_IN_CELL = 6;

const missing = (text = "MISSING"): Cell => ({ text, color: COLOURS.red, bold: true });
const ok = (text: string): Cell => ({ text, color: COLOURS.green });

export function drawParties(doc: Pdf, pkg: EvidencePackage): void {
  table(
    doc,
    [
      { header: "Party", width: 0.3 },
      { header: "Role in this shipment", width: 0.2 },
      { header: "Country", width: 0.08 },
      { header: "Identifiers", width: 0.17 },
      { header: "Facilities", width: 0.25 },
    ],
    pkg.parties.map((p) => [
      p.aliases.length > 0 ? `${p.name}\nalso: ${p.aliases.join("; ")}` : p.name,
      p.roles.join(", "),
      p.country ?? "",
      p.identifiers.join("\n"),
      capList(p.facilities, LINES_IN_CELL),
    ]),
    8.5,
    CAPS.parties,
  );
}

const SCREENING_CELLS: Readonly<Record<ScreeningStatus, Cell>> = {
  confirmed: { text: "CONFIRMED MATCH", color: COLOURS.red, bold: true },
  open: { text: "OPEN: not reviewed", color: COLOURS.amber, bold: true },
  dismissed: { text: "dismissed", color: COLOURS.green },
  clear: { text: "clear", color: COLOURS.green },
};

export function drawScreening(doc: Pdf, pkg: EvidencePackage): void {
  paragraph(
    doc,
    "Every party and facility was screened against the UFLPA Entity List, the CBP Withhold Release Orders and Xinjiang geography. A hit is a match when its score reaches the threshold; an analyst then confirms or dismisses it.",
    { size: 9.5, color: COLOURS.muted },
  );
  const rows = pkg.screening.flatMap((s): Cell[][] => {
    const subject = s.xinjiang
      ? `${s.subject.name}\nXinjiang: ${s.xinjiang.division ?? "yes"}`
      : s.subject.name;
    if (s.hits.length === 0) return [[subject, SCREENING_CELLS[s.status], "no hit", "", ""]];
    return s.hits.map((h) => [
      subject,
      SCREENING_CELLS[h.status],
      `${h.entity}\n${h.list}`,
      `${formatNumber(h.score)} / ${formatNumber(h.threshold)}`,
      [...h.explanations, ...(h.review ? [`Review: ${h.review}`] : [])].join("\n"),
    ]);
  });
  table(
    doc,
    [
      { header: "Screened party / facility", width: 0.24 },
      { header: "Status", width: 0.13 },
      { header: "List entry", width: 0.2 },
      { header: "Score / threshold", width: 0.1 },
      { header: "Why (explanations) and review", width: 0.33 },
    ],
    rows,
    8.5,
    CAPS.screening,
  );
}

export function drawTiers(doc: Pdf, pkg: EvidencePackage): void {
  const names = new Map(pkg.flowChart.nodes.map((n) => [n.id, n.name]));
  for (const tier of pkg.tiers) {
    const roles = tier.roles.map((r) => ROLE_LABELS[r]).join(" / ");
    const facilities = capList(
      tier.nodes.map((n) => n.name),
      NAMES_IN_HEADING,
      "; ",
    );
    subheading(doc, `Tier ${tier.tier + 1}: ${roles} — ${facilities}`);
    if (tier.records.length === 0) {
      paragraph(doc, "No business transaction recorded from this tier.", { size: 9.5, color: COLOURS.muted });
      continue;
    }
    if (tier.records.length > CAPS.tierRecords.limit)
      paragraph(doc, recordCounts(tier.records), { size: 9.5 });
    table(
      doc,
      [
        { header: "Transaction", width: 0.14 },
        { header: "Record", width: 0.13 },
        { header: "From → to", width: 0.27 },
        { header: "Lots", width: 0.16 },
        { header: "Document (file, date, SHA-256)", width: 0.3 },
      ],
      tier.records.map((r) => [
        `${r.bizTransaction.type} ${r.bizTransaction.id}${r.date ? `\n${r.date}` : ""}`,
        CBP_CATEGORY_LABELS[r.category],
        `${names.get(r.from) ?? r.from} → ${names.get(r.to) ?? r.to}`,
        capList(r.lots, LINES_IN_CELL),
        r.documents.length === 0
          ? missing("MISSING: no document in the registry")
          : r.documents
              .map((d) => `${d.fileName} (${d.date ?? "undated"})\nsha256 ${d.sha256.slice(0, 16)}…`)
              .join("\n"),
      ]),
      8,
      CAPS.tierRecords,
    );
  }
}

/** "2,640 business records: 660 purchase orders, …" — the whole tier at a glance when its table is cut. */
function recordCounts(records: EvidencePackage["tiers"][number]["records"]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const parts = [...counts].map(
    ([category, n]) =>
      `${formatCount(n)} × ${CBP_CATEGORY_LABELS[category as keyof typeof CBP_CATEGORY_LABELS]}`,
  );
  return `${formatCount(records.length)} business records in this tier: ${parts.join(", ")}.`;
}

/** Within the cap, exceeded facilities first: they are what the reader must see. */
function prioritised<T extends { readonly status: string }>(rows: readonly T[], limit: number): readonly T[] {
  if (rows.length <= limit) return rows;
  const exceeded = rows.filter((r) => r.status === "exceeded");
  return [...exceeded, ...rows.filter((r) => r.status !== "exceeded")].slice(0, limit);
}

export function drawReconciliation(doc: Pdf, pkg: EvidencePackage): void {
  const { shipment, locations } = pkg.reconciliation;
  paragraph(
    doc,
    "Per facility: output must not exceed input × the stage's maximum yield, in total and for each claimed origin.",
    { size: 9.5, color: COLOURS.muted },
  );
  table(
    doc,
    [
      { header: "Facility", width: 0.3 },
      { header: "Stage", width: 0.12 },
      { header: "Input", width: 0.13, align: "right" },
      { header: "Output", width: 0.13, align: "right" },
      { header: "Yield", width: 0.1, align: "right" },
      { header: "Max yield", width: 0.1, align: "right" },
      { header: "Status", width: 0.12 },
    ],
    prioritised(locations, CAPS.reconciliation.limit).flatMap((m) => [
      [
        m.name,
        m.stage ?? "unknown",
        formatKg(m.inputKg),
        formatKg(m.outputKg),
        m.yield === null ? "—" : formatNumber(m.yield, 3),
        m.maxYield === null ? "—" : formatNumber(m.maxYield, 2),
        m.status === "ok" ? ok("ok") : missing("EXCEEDED"),
      ],
      ...m.claims.map((c): Cell[] => [
        `  claim: ${c.origin}`,
        "",
        "",
        formatKg(c.claimedKg),
        "",
        `allowed ${formatKg(c.allowedKg)}`,
        c.claimedKg <= c.allowedKg ? ok("ok") : missing("EXCEEDED"),
      ]),
    ]),
  );
  if (locations.length > CAPS.reconciliation.limit)
    paragraph(
      doc,
      `${formatCount(locations.length)} facilities in all; exceeded ones are listed first. package.json lists every one.`,
      { size: 8.5, color: COLOURS.muted },
    );
  subheading(doc, "Does the shipped amount make sense for the final good?");
  const text =
    shipment.status === "unknown"
      ? "Not computable: the shipped cotton mass or the garment factory's output is not recorded."
      : `Shipped ${formatKg(shipment.shippedKg ?? 0)} against ${formatKg(shipment.producedKg ?? 0)} produced by the supplying factory: ${shipment.status === "ok" ? "consistent" : "MORE SHIPPED THAN PRODUCED"}.`;
  paragraph(doc, text, { size: 10, color: shipment.status === "exceeded" ? COLOURS.red : COLOURS.text });
}

const CATEGORY_STATUS: Readonly<Record<ChecklistCategoryRow["status"], Cell>> = {
  present: { text: "present", color: COLOURS.green, bold: true },
  missing: { text: "MISSING", color: COLOURS.red, bold: true },
  partial: { text: "PARTLY MISSING", color: COLOURS.red, bold: true },
  "not-applicable": { text: "not applicable", color: COLOURS.muted },
  "not-provided": { text: "not provided (supporting)", color: COLOURS.amber },
};

export function drawChecklist(doc: Pdf, pkg: EvidencePackage): void {
  const { checklist } = pkg;
  table(
    doc,
    [
      { header: "CBP category", width: 0.4 },
      { header: "Status for this shipment", width: 0.3 },
      { header: "Present", width: 0.15, align: "right" },
      { header: "Missing", width: 0.15, align: "right" },
    ],
    checklist.byCategory.map((c) => [
      c.label,
      CATEGORY_STATUS[c.status],
      String(c.present),
      String(c.missing),
    ]),
    9,
  );
  subheading(doc, `Missing documents (${checklist.missing.length})`);
  if (checklist.missing.length === 0) paragraph(doc, "None: every required document is in the registry.");
  else
    table(
      doc,
      [
        { header: "Category", width: 0.3 },
        { header: "Where it is needed", width: 0.7 },
      ],
      checklist.missing.map((m) => [missing(CBP_CATEGORY_LABELS[m.category]), m.scope.label]),
      8.5,
      CAPS.missing,
    );
  subheading(doc, "Checklist detail, per tier");
  table(
    doc,
    [
      { header: "Category", width: 0.22 },
      { header: "Where", width: 0.46 },
      { header: "Status", width: 0.12 },
      { header: "Documents", width: 0.2 },
    ],
    checklist.items.map((i) => [
      CBP_CATEGORY_LABELS[i.category],
      i.scope.label,
      i.status === "present" ? ok("present") : i.requirement === "supporting" ? "not provided" : missing(),
      capList(i.documents, LINES_IN_CELL),
    ]),
    7.5,
    CAPS.checklist,
  );
}
