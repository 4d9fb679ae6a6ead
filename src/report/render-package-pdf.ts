import type { Font } from "fontkit";
import type { EvidencePackage } from "./evidence-package.ts";
import { formatShare } from "./format-figure.ts";
import { drawFlowChart } from "./pdf-flow-chart.ts";
import { drawDocumentIndex, drawFlags, drawLabTests, drawProvenance } from "./pdf-index-sections.ts";
import { addPortraitPage, BOLD, COLOURS, facts, heading, MARGINS, type Pdf, REGULAR } from "./pdf-layout.ts";
import { sharedLayoutFont } from "./pdf-shared-layout.ts";
import { drawSummary, verdictBox } from "./pdf-summary-section.ts";
import {
  drawChecklist,
  drawParties,
  drawReconciliation,
  drawScreening,
  drawTiers,
} from "./pdf-table-sections.ts";

export interface PackageFonts {
  /** TTF/OTF bytes of a face with CJK glyphs (party names are often Chinese). */
  readonly regular: Uint8Array;
  readonly bold?: Uint8Array;
}

interface Section {
  readonly title: string;
  readonly landscape?: boolean;
  readonly draw: (doc: Pdf, pkg: EvidencePackage) => void;
}

/** Section titles as printed; tests check the text layer for each. */
export const PDF_SECTIONS: readonly Section[] = [
  { title: "1. Executive summary", draw: drawSummary },
  {
    title: "2. Supply-chain flow chart",
    landscape: true,
    draw: (doc, pkg) => drawFlowChart(doc, pkg.flowChart, "2. Supply-chain flow chart"),
  },
  { title: "3. Parties and their roles", draw: drawParties },
  { title: "4. Screening results", draw: drawScreening },
  { title: "5. Business records by tier", draw: drawTiers },
  { title: "6. Quantity reconciliation", draw: drawReconciliation },
  { title: "7. CBP document checklist", draw: drawChecklist },
  { title: "8. Lab tests (supporting evidence)", draw: drawLabTests },
  { title: "9. Flags", draw: drawFlags },
  { title: "10. Document index", draw: drawDocumentIndex },
  { title: "11. Provenance of figures", draw: drawProvenance },
];

/**
 * The package as a paginated A4 PDF. Deterministic: the creation date is the package's
 * `generatedAt`, and pdfkit derives the document id from the info dictionary, so the same
 * package and fonts give the same bytes.
 */
export async function renderPackagePdf(pkg: EvidencePackage, fonts: PackageFonts): Promise<Uint8Array> {
  // pdfkit and fontkit load here, not at start-up: only the commands that render a PDF need them.
  const [{ default: PDFDocument }, { create }] = await Promise.all([import("pdfkit"), import("fontkit")]);
  const created = new Date(pkg.generatedAt);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load Helvetica's metrics from disk.
    font: null as unknown as string,
    lang: "en",
    displayTitle: true,
    info: {
      Title: `UFLPA evidence package: ${pkg.shipment.id}`,
      Author: pkg.shipment.importer.name,
      Subject: "Supply-chain tracing evidence for a CBP applicability review",
      Creator: "threadproof",
      CreationDate: created,
      ModDate: created,
    },
  });
  const done = collect(doc);
  doc.registerFont(REGULAR, parsedFont(fonts.regular, create) as never);
  doc.registerFont(BOLD, parsedFont(fonts.bold ?? fonts.regular, create) as never);
  drawCover(doc, pkg);
  addPortraitPage(doc);
  const tocPage = pageCount(doc) - 1;
  const starts = PDF_SECTIONS.map((section, index) => drawSection(doc, pkg, section, index));
  doc.switchToPage(tocPage);
  drawContents(doc, starts);
  drawFooters(doc, pkg);
  doc.end();
  return done;
}

/**
 * Parsing a 7 MB CJK font costs more than laying out a whole package, so each font's bytes are
 * parsed once per process and the parsed font is handed to every document (pdfkit accepts it),
 * with the words it shapes remembered across documents (pdf-shared-layout.ts).
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();

function parsedFont(bytes: Uint8Array, create: typeof import("fontkit").create): Font {
  const known = parsedFonts.get(bytes);
  if (known) return known;
  const font = create(bytes as Parameters<typeof create>[0]);
  if (!("layout" in font)) throw new TypeError("a font collection was given where one font was expected");
  const shared = sharedLayoutFont(font);
  parsedFonts.set(bytes, shared);
  return shared;
}

function collect(doc: Pdf): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on("error", reject);
    doc.on("end", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
      }
      resolve(out);
    });
  });
}

function pageCount(doc: Pdf): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}

function drawSection(doc: Pdf, pkg: EvidencePackage, section: Section, index: number): number {
  if (section.landscape)
    doc.addPage({ size: "A4", layout: "landscape", margins: { top: 36, bottom: 36, left: 36, right: 36 } });
  else addPortraitPage(doc);
  const page = pageCount(doc) - 1;
  doc.addNamedDestination(`section-${index + 1}`);
  doc.outline.addItem(section.title);
  if (!section.landscape) heading(doc, section.title);
  section.draw(doc, pkg);
  return page;
}

function drawCover(doc: Pdf, pkg: EvidencePackage): void {
  addPortraitPage(doc);
  const x = MARGINS.left;
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(COLOURS.muted)
    .text("UFLPA APPLICABILITY REVIEW — EVIDENCE PACKAGE", x, 90);
  doc.font(BOLD).fontSize(30).fillColor(COLOURS.text).text(pkg.shipment.id, x, 118);
  doc
    .font(REGULAR)
    .fontSize(13)
    .fillColor(COLOURS.text)
    .text(pkg.shipment.goods, x, doc.y + 6);
  doc.moveDown(1.5);
  verdictBox(doc, pkg);
  const f = pkg.summary.figures;
  facts(
    doc,
    [
      ["Importer of record", pkg.shipment.importer.name],
      ["Quantity", `${pkg.shipment.quantity.value} ${pkg.shipment.quantity.unit}`],
      [
        "Xinjiang share (traced / expected / worst case)",
        `${formatShare(f.xinjiangShare)} / ${formatShare(f.expectedXinjiangShare)} / ${formatShare(f.worstCaseXinjiangShare)}`,
      ],
      ["Untraced share", formatShare(f.unknownShare)],
      ["Listed entity in the chain", f.listedEntityInChain ? "yes" : "no"],
      ["Generated", pkg.generatedAt],
    ],
    10,
  );
  doc
    .font(REGULAR)
    .fontSize(8.5)
    .fillColor(COLOURS.muted)
    .text(
      `Prepared with threadproof (package schema v${pkg.version}). Every figure cites its source in section 11; every document is listed with its SHA-256 in section 10; section 7 lists every document CBP expects and whether it is present.`,
      x,
      doc.y + 10,
      { width: doc.page.width - MARGINS.left - MARGINS.right },
    );
}

function drawContents(doc: Pdf, starts: readonly number[]): void {
  doc.y = MARGINS.top;
  heading(doc, "Contents");
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  PDF_SECTIONS.forEach((section, index) => {
    const y = doc.y;
    const page = String((starts[index] ?? 0) + 1);
    doc.font(REGULAR).fontSize(12).fillColor(COLOURS.text);
    doc.text(section.title, MARGINS.left, y, { lineBreak: false, goTo: `section-${index + 1}` });
    doc.text(page, MARGINS.left, y, { width, align: "right", lineBreak: false });
    const titleEnd = MARGINS.left + doc.widthOfString(section.title) + 6;
    const pageStart = MARGINS.left + width - doc.widthOfString(page) - 6;
    doc
      .moveTo(titleEnd, y + 10)
      .lineTo(pageStart, y + 10)
      .lineWidth(0.5)
      .dash(1, { space: 2.5 })
      .strokeColor(COLOURS.faint)
      .stroke()
      .undash();
    doc.y = y + 24;
  });
}

function drawFooters(doc: Pdf, pkg: EvidencePackage): void {
  const total = pageCount(doc);
  for (let page = 1; page < total; page++) {
    doc.switchToPage(page);
    const { width, height, margins } = doc.page;
    // Writing below the bottom margin would make pdfkit start a new page: lift it while we write.
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    const y = height - Math.min(40, bottom - 10);
    doc.font(REGULAR).fontSize(8).fillColor(COLOURS.muted);
    doc.text(`Evidence package ${pkg.shipment.id} · generated ${pkg.generatedAt}`, margins.left, y, {
      lineBreak: false,
    });
    doc.text(`Page ${page + 1} of ${total}`, margins.left, y, {
      width: width - margins.left - margins.right,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
