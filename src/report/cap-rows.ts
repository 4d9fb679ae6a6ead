import { formatCount } from "./format-figure.ts";

/**
 * Caps on what a printed table shows. A 10,000-event ancestry would otherwise print thousands of
 * pages no officer reads; the PDF keeps the first rows and says how many more `package.json` holds.
 */

export interface TableCap {
  /** Rows printed at most. */
  readonly limit: number;
  /** What a row is, plural ("business records"), for the note under a cut table. */
  readonly noun: string;
}

export interface CappedRows<T> {
  readonly shown: readonly T[];
  readonly hidden: number;
}

export function capRows<T>(rows: readonly T[], cap: TableCap | undefined): CappedRows<T> {
  if (!cap || rows.length <= cap.limit) return { shown: rows, hidden: 0 };
  return { shown: rows.slice(0, cap.limit), hidden: rows.length - cap.limit };
}

/** The sentence under a cut table. */
export function moreRowsNote(hidden: number, noun: string): string {
  return `… and ${formatCount(hidden)} more ${noun}, not printed here: package.json lists every one.`;
}

/** The first `limit` items of a list in one cell, then how many more. */
export function capList(items: readonly string[], limit: number, separator = "\n"): string {
  if (items.length <= limit) return items.join(separator);
  return [...items.slice(0, limit), `… and ${formatCount(items.length - limit)} more`].join(separator);
}
