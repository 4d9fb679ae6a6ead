import type PDFDocument from "pdfkit";
import { capRows, moreRowsNote, type TableCap } from "./cap-rows.ts";

export type Pdf = InstanceType<typeof PDFDocument>;

/** Font names registered on the document; `bold` falls back to regular when no bold face is given. */
export const REGULAR = "regular";
export const BOLD = "bold";

export const MARGINS = { top: 56, bottom: 64, left: 50, right: 50 } as const;

export const COLOURS = {
  text: "#111827",
  muted: "#4b5563",
  rule: "#d1d5db",
  zebra: "#f3f4f6",
  header: "#e5e7eb",
  red: "#b91c1c",
  redFill: "#fee2e2",
  amber: "#b45309",
  amberFill: "#fef3c7",
  green: "#15803d",
  greenFill: "#dcfce7",
  path: "#111827",
  faint: "#9ca3af",
} as const;

export type Cell = string | { readonly text: string; readonly color?: string; readonly bold?: boolean };

export interface Column {
  readonly header: string;
  /** Fraction of the content width. */
  readonly width: number;
  readonly align?: "left" | "right";
}

const CELL_PAD = 4;

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function addPortraitPage(doc: Pdf): void {
  doc.addPage({ size: "A4", layout: "portrait", margins: MARGINS });
}

/** Starts a new page when fewer than `height` points remain. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) addPortraitPage(doc);
}

export function heading(doc: Pdf, text: string): void {
  doc.font(BOLD).fontSize(17).fillColor(COLOURS.text).text(text, doc.page.margins.left, doc.y);
  const y = doc.y + 3;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(1)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = y + 10;
}

export function subheading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(11.5).fillColor(COLOURS.text).text(text, doc.page.margins.left, doc.y);
  doc.moveDown(0.25);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc
    .font(REGULAR)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLOURS.text)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  doc.moveDown(0.4);
}

export function bullets(doc: Pdf, items: readonly string[], size = 10): void {
  const x = doc.page.margins.left;
  for (const item of items) {
    ensureSpace(doc, size * 2);
    const y = doc.y;
    doc.font(REGULAR).fontSize(size).fillColor(COLOURS.text);
    doc.text("•", x + 2, y, { lineBreak: false });
    doc.text(item, x + 14, y, { width: contentWidth(doc) - 14, lineGap: 1.5 });
    doc.y += size * 0.25;
  }
  doc.x = x;
  doc.moveDown(0.3);
}

function cellText(cell: Cell): string {
  return typeof cell === "string" ? cell : cell.text;
}

/**
 * Most cells hold one short line. Measuring and drawing those without pdfkit's line wrapper is
 * several times faster, and a package has thousands of cells.
 */
function fitsOneLine(doc: Pdf, font: string, size: number, text: string, width: number): boolean {
  return !text.includes("\n") && widthOf(doc, font, size, text) <= width;
}

/**
 * Each cell is measured for its row's height and again to draw it, and a package repeats the
 * same cell texts (statuses, roles, countries) many times: widths are kept per document, by font
 * and size, so each is measured once. The value is pdfkit's own, so the layout is unchanged.
 */
const measured = new WeakMap<Pdf, Map<string, number>>();

/** `measure` once per document for the same key; the caller has set the font and size. */
function remembered(doc: Pdf, key: string, measure: () => number): number {
  let known = measured.get(doc);
  if (!known) {
    known = new Map();
    measured.set(doc, known);
  }
  let value = known.get(key);
  if (value === undefined) {
    value = measure();
    known.set(key, value);
  }
  return value;
}

function widthOf(doc: Pdf, font: string, size: number, text: string): number {
  return remembered(doc, `w\u0000${font}\u0000${size}\u0000${text}`, () => doc.widthOfString(text));
}

function rowHeight(doc: Pdf, widths: readonly number[], cells: readonly Cell[], size: number): number {
  const heights = cells.map((cell, i) => {
    const font = typeof cell !== "string" && cell.bold ? BOLD : REGULAR;
    doc.font(font).fontSize(size);
    const text = cellText(cell) || " ";
    const width = (widths[i] ?? 40) - 2 * CELL_PAD;
    // One line is what heightOfString gives for it: the line height plus the line gap (1).
    if (fitsOneLine(doc, font, size, text, width)) return doc.currentLineHeight(true) + 1;
    return remembered(doc, `h\u0000${font}\u0000${size}\u0000${width}\u0000${text}`, () =>
      doc.heightOfString(text, { width, lineGap: 1 }),
    );
  });
  return Math.max(...heights) + 2 * CELL_PAD;
}

function drawRow(
  doc: Pdf,
  columns: readonly Column[],
  widths: readonly number[],
  cells: readonly Cell[],
  opts: RowStyle,
): void {
  const x0 = doc.page.margins.left;
  const y = doc.y;
  const height = Math.min(opts.height, bottom(doc) - y);
  if (opts.fill) doc.rect(x0, y, contentWidth(doc), height).fill(opts.fill);
  let x = x0;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 40;
    const styled = typeof cell === "string" ? { text: cell } : cell;
    const inner = width - 2 * CELL_PAD;
    const font = opts.bold || styled.bold ? BOLD : REGULAR;
    doc
      .font(font)
      .fontSize(opts.size)
      .fillColor(styled.color ?? COLOURS.text);
    if (fitsOneLine(doc, font, opts.size, styled.text, inner)) {
      const shift = columns[i]?.align === "right" ? inner - widthOf(doc, font, opts.size, styled.text) : 0;
      doc.text(styled.text, x + CELL_PAD + shift, y + CELL_PAD, { lineBreak: false });
    } else
      doc.text(styled.text, x + CELL_PAD, y + CELL_PAD, {
        width: inner,
        height: height - CELL_PAD,
        align: columns[i]?.align ?? "left",
        lineGap: 1,
        ellipsis: true,
      });
    x += width;
  });
  doc
    .moveTo(x0, y + height)
    .lineTo(x0 + contentWidth(doc), y + height)
    .lineWidth(0.4)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = y + height;
}

interface RowStyle {
  readonly size: number;
  readonly height: number;
  readonly bold?: boolean;
  readonly fill?: string;
}

/**
 * A table that breaks across pages, repeating its header row. With a cap, only the first rows
 * print, followed by a note of how many more `package.json` holds.
 */
export function table(
  doc: Pdf,
  columns: readonly Column[],
  allRows: readonly (readonly Cell[])[],
  size = 8.5,
  cap?: TableCap,
): void {
  const { shown: rows, hidden } = capRows(allRows, cap);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const header = columns.map((c) => c.header);
  // A table of facts has no header row: its labels are in the first column.
  const headerHeight = header.some(Boolean) ? rowHeight(doc, widths, header, size) : 0;
  const drawHeader = (): void => {
    if (headerHeight > 0)
      drawRow(doc, columns, widths, header, { size, height: headerHeight, bold: true, fill: COLOURS.header });
  };
  const heights = rows.map((row) => rowHeight(doc, widths, row, size));
  ensureSpace(doc, headerHeight + (heights[0] ?? 0));
  drawHeader();
  rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    if (doc.y + height > bottom(doc)) {
      addPortraitPage(doc);
      drawHeader();
    }
    drawRow(doc, columns, widths, row, { size, height, ...(index % 2 === 1 ? { fill: COLOURS.zebra } : {}) });
  });
  doc.x = doc.page.margins.left;
  if (cap && hidden > 0) {
    doc.moveDown(0.3);
    paragraph(doc, moreRowsNote(hidden, cap.noun), { size: 8.5, color: COLOURS.muted });
  }
  doc.moveDown(0.8);
}

/** Two-column label/value table for facts. */
export function facts(doc: Pdf, rows: readonly (readonly [string, Cell])[], size = 9.5): void {
  table(
    doc,
    [
      { header: "", width: 0.3 },
      { header: "", width: 0.7 },
    ],
    rows.map(([label, value]) => [{ text: label, bold: true }, value]),
    size,
  );
}
