import type { Issue } from "../../model/index.ts";
import type { ChunkBuilder } from "./chunk-builder.ts";

/** A data row of a table (CSV line or sheet row) and how to cite it ("line 12", "sheet x, row 7"). */
export interface TableRow {
  readonly locator: string;
  readonly cells: readonly string[];
}

/** Turns the rows of one template into records. `finish` flushes state kept across rows. */
export interface RowSink {
  accept(row: TableRow, out: ChunkBuilder): void;
  finish(out: ChunkBuilder): void;
}

/**
 * Reads a header row and returns the sink for the rows below it, or the issues that make the
 * table unreadable (missing required columns).
 */
export type SinkFactory = (
  source: string,
  header: readonly string[],
  headerLocator: string,
) => { readonly sink?: RowSink; readonly issues: readonly Issue[] };
