import { issue, type ParsedChunk, provenance } from "../../model/index.ts";
import type { ImportInput } from "../importer.ts";
import { ChunkBuilder } from "./chunk-builder.ts";
import { type CsvRow, readCsvRows } from "./read-csv-rows.ts";
import type { RowSink, SinkFactory } from "./row-sink.ts";

/** What the header row decided: still waiting for it, a sink for the rows, or unreadable. */
type TableState =
  | { readonly kind: "header" }
  | { readonly kind: "rows"; readonly sink: RowSink }
  | { readonly kind: "refused" };

/**
 * The CSV half of every tabular importer: the first non-empty record is the header, the sink the
 * factory makes from it turns each later record into records and issues, chunks stream out.
 */
export async function* importCsvTable(
  input: ImportInput,
  createSink: SinkFactory,
): AsyncGenerator<ParsedChunk> {
  const out = new ChunkBuilder();
  let state: TableState = { kind: "header" };
  let reported = false;
  for await (const batch of readCsvRows(input)) {
    reported ||= batch.issues.length > 0;
    out.issues.push(...batch.issues);
    for (const row of batch.rows) {
      state = acceptRow(state, row, input.source, createSink, out);
      if (out.isFull()) yield out.take();
    }
    if (state.kind === "refused") break;
  }
  if (state.kind === "rows") state.sink.finish(out);
  if (state.kind === "header" && !reported) {
    const message = "expected a header row, found an empty file";
    out.issues.push(issue("csv.empty", provenance(input.source, "line 1"), "", message));
  }
  if (!out.isEmpty()) yield out.take();
}

function acceptRow(
  state: TableState,
  row: CsvRow,
  source: string,
  createSink: SinkFactory,
  out: ChunkBuilder,
): TableState {
  if (state.kind === "rows") {
    state.sink.accept({ locator: `line ${row.line}`, cells: row.cells }, out);
    return state;
  }
  if (state.kind === "refused") return state;
  const made = createSink(source, row.cells, `line ${row.line}`);
  out.issues.push(...made.issues);
  return made.sink ? { kind: "rows", sink: made.sink } : { kind: "refused" };
}
