import { detectDelimiter } from "./detect-delimiter.ts";
import { FACILITIES_REQUIRED } from "./facilities-sink.ts";
import { normaliseHeader } from "./header-columns.ts";
import { MOVEMENTS_REQUIRED } from "./movements-sink.ts";

/** The header cells of a CSV text's first line (quotes stripped, names normalised). */
export function csvHeaderCells(head: string): string[] {
  const text = head.replace(/^\ufeff/, "");
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const delimiter = detectDelimiter(line);
  return line.split(delimiter).map((cell) => normaliseHeader(cell.replace(/^\s*"|"\s*$/g, "")));
}

function hasAll(head: string, required: readonly string[]): boolean {
  const cells = new Set(csvHeaderCells(head));
  return required.every((c) => cells.has(c));
}

/** True when the first line is a facilities.csv header (all required columns present). */
export function looksLikeFacilitiesCsv(head: string): boolean {
  return hasAll(head, FACILITIES_REQUIRED);
}

/** True when the first line is a movements.csv header (all required columns present). */
export function looksLikeMovementsCsv(head: string): boolean {
  return hasAll(head, MOVEMENTS_REQUIRED);
}
