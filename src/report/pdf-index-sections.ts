import { capList } from "./cap-rows.ts";
import { CBP_CATEGORY_LABELS } from "./cbp-category.ts";
import type { EvidencePackage } from "./evidence-package.ts";
import { COLOURS, type Pdf, paragraph, table } from "./pdf-layout.ts";

const CAPS = {
  flags: { limit: 60, noun: "flags" },
  documents: { limit: 150, noun: "documents" },
  figures: { limit: 60, noun: "figures" },
} as const;
const SOURCES_PER_FIGURE = 6;

export function drawLabTests(doc: Pdf, pkg: EvidencePackage): void {
  paragraph(
    doc,
    "Laboratory tests (stable isotope, DNA) support the documents; CBP never accepts them as proof on their own.",
    { size: 9.5, color: COLOURS.muted },
  );
  if (pkg.labTests.length === 0) {
    paragraph(doc, "No laboratory test report was provided for this shipment.");
    return;
  }
  table(
    doc,
    [
      { header: "Laboratory", width: 0.2 },
      { header: "Method / sample", width: 0.25 },
      { header: "Date", width: 0.1 },
      { header: "Result", width: 0.3 },
      { header: "Report", width: 0.15 },
    ],
    pkg.labTests.map((t) => [
      `${t.lab}\n${t.accreditation ?? "accreditation not stated"}`,
      `${t.method}\n${t.sample}`,
      t.date,
      {
        text: `${t.result}\n${t.consistentWithClaim ? "consistent with the origin claim" : "CONTRADICTS the origin claim"}`,
        color: t.consistentWithClaim ? COLOURS.text : COLOURS.red,
      },
      t.document ?? "",
    ]),
  );
}

export function drawFlags(doc: Pdf, pkg: EvidencePackage): void {
  if (pkg.flags.length === 0) {
    paragraph(doc, "No open flag.");
    return;
  }
  table(
    doc,
    [
      { header: "Severity", width: 0.1 },
      { header: "Flag", width: 0.2 },
      { header: "Where", width: 0.18 },
      { header: "What was found", width: 0.52 },
    ],
    pkg.flags.map((f) => [
      { text: f.severity, color: f.severity === "error" ? COLOURS.red : COLOURS.amber, bold: true },
      f.code,
      f.subject ?? "",
      f.message,
    ]),
    8.5,
    CAPS.flags,
  );
}

export function drawDocumentIndex(doc: Pdf, pkg: EvidencePackage): void {
  paragraph(
    doc,
    "Every file the package cites, content-addressed: the SHA-256 lets the reader check the copy in documents/ is the one referenced.",
    { size: 9.5, color: COLOURS.muted },
  );
  table(
    doc,
    [
      { header: "File / id", width: 0.25 },
      { header: "Category", width: 0.15 },
      { header: "Date / lang.", width: 0.1 },
      { header: "SHA-256", width: 0.25 },
      { header: "Supports", width: 0.25 },
    ],
    pkg.documents.map((d) => [
      `${d.fileName}\n${d.id}`,
      CBP_CATEGORY_LABELS[d.category],
      `${d.date ?? "undated"}\n${d.language}${d.translationOf ? `\ntranslates ${d.translationOf}` : ""}`,
      d.sha256,
      capList(d.supports, SOURCES_PER_FIGURE),
    ]),
    7,
    CAPS.documents,
  );
}

export function drawProvenance(doc: Pdf, pkg: EvidencePackage): void {
  paragraph(doc, "Each figure in this package and the source records it was computed from.", {
    size: 9.5,
    color: COLOURS.muted,
  });
  table(
    doc,
    [
      { header: "Figure", width: 0.4 },
      { header: "Value", width: 0.2 },
      { header: "Source (file, line or event)", width: 0.4 },
    ],
    pkg.provenance.map((p) => [
      p.label,
      p.value,
      capList(
        p.sources.map((s) => `${s.source}, ${s.locator}`),
        SOURCES_PER_FIGURE,
      ),
    ]),
    7.5,
    CAPS.figures,
  );
}
