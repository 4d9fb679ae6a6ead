import { formatUtcInstant } from "../csv/index.ts";

/**
 * A cell value as exceljs gives it, as the text the template parsers read: Date cells become ISO
 * instants (Excel stores wall-clock time without a zone; read as UTC, as the templates say), number
 * cells their plain decimal form, formulas their cached result, rich text and hyperlinks their text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatUtcInstant(value.getTime());
  return typeof value === "object" ? objectCellText(value as Record<string, unknown>) : "";
}

function objectCellText(v: Record<string, unknown>): string {
  if (Array.isArray(v.richText))
    return v.richText.map((part: { text?: unknown }) => cellText(part.text)).join("");
  if ("result" in v) return cellText(v.result);
  if ("text" in v) return cellText(v.text);
  // Error cells (#N/A, #REF!) hold no value; the row's own checks report the empty cell.
  return "";
}
