import Papa from "papaparse";
import { type Issue, issue, provenance } from "../../model/index.ts";
import type { ImportInput } from "../importer.ts";
import { decodeText, detectBinaryFormat, peekBytes } from "../text/index.ts";
import { detectDelimiter } from "./detect-delimiter.ts";

/** One CSV record, with the physical line it starts on (1-based; quoted newlines make these differ). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvRowBatch {
  readonly rows: readonly CsvRow[];
  readonly issues: readonly Issue[];
}

/**
 * Streams the records of a CSV file (any encoding `decodeText` reads; `,`, `;` or tab separated,
 * judged from the header line) in batches, one per chunk of text read. Malformed quoting is an
 * issue, never an exception. Workbooks handed in as CSV get one issue naming what they are.
 */
export async function* readCsvRows(input: ImportInput): AsyncGenerator<CsvRowBatch> {
  const { head, bytes } = await peekBytes(input.bytes, 8);
  const binary = detectBinaryFormat(head);
  if (binary) {
    const what = binary === "xls" ? "a legacy Excel .xls workbook" : "an Excel .xlsx workbook (ZIP)";
    const message = `expected CSV text, found ${what}: import it as .xlsx or save it as CSV (UTF-8)`;
    yield { rows: [], issues: [issue("csv.binary-file", provenance(input.source, "byte 0"), "", message)] };
    return;
  }
  const reader = new CsvChunkReader(input.source);
  for await (const text of decodeText(bytes).chunks) {
    const batch = reader.push(text, false);
    if (batch.rows.length || batch.issues.length) yield batch;
  }
  const last = reader.push("", true);
  if (last.rows.length || last.issues.length) yield last;
}

/** Feeds text to papaparse's low-level parser chunk by chunk, keeping the unfinished last record. */
class CsvChunkReader {
  private buffer = "";
  private parser: Papa.Parser | undefined;
  private line = 1;
  private rows: CsvRow[] = [];
  private issues: Issue[] = [];
  private rowStart = 0;
  // Re-parse an unfinished record only once the buffer has doubled, so a stray quote stays linear.
  private retryAt = 0;

  constructor(private readonly source: string) {}

  push(text: string, finished: boolean): CsvRowBatch {
    this.buffer += text;
    if (!this.parser) {
      const newlineAt = this.buffer.indexOf("\n");
      if (newlineAt === -1 && !finished) return this.take();
      this.parser = this.createParser(this.buffer.slice(0, newlineAt === -1 ? undefined : newlineAt));
    }
    if (!finished && this.buffer.length < this.retryAt) return this.take();
    this.rowStart = 0;
    const result = this.parser.parse(this.buffer, 0, !finished);
    const consumed = result.meta.cursor;
    this.buffer = this.buffer.slice(consumed);
    this.retryAt = consumed === 0 ? this.buffer.length * 2 : 0;
    return this.take();
  }

  private createParser(headerLine: string): Papa.Parser {
    const newline = headerLine.endsWith("\r") ? "\r\n" : "\n";
    const delimiter = detectDelimiter(headerLine);
    return new Papa.Parser({
      delimiter,
      newline,
      step: (r: Papa.ParseStepResult<string[]>) => this.onRow(r),
    });
  }

  private onRow(result: Papa.ParseStepResult<string[]>): void {
    const end = result.meta.cursor;
    const line = this.line;
    this.line += countNewlines(this.buffer, this.rowStart, end);
    this.rowStart = end;
    for (const e of result.errors) {
      const message = `${e.message}: expected a closing '"' for a quoted cell`;
      this.issues.push(issue(`csv.${e.code}`, provenance(this.source, `line ${line}`), "", message));
    }
    const cells = (result.data as unknown as string[][])[0] ?? [];
    if (cells.length === 1 && cells[0]?.trim() === "") return;
    const last = cells.length - 1;
    if (cells[last]?.endsWith("\r")) cells[last] = cells[last].slice(0, -1);
    this.rows.push({ line, cells });
  }

  private take(): CsvRowBatch {
    const batch = { rows: this.rows, issues: this.issues };
    this.rows = [];
    this.issues = [];
    return batch;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let at = text.indexOf("\n", from);
  while (at !== -1 && at < to) {
    n += 1;
    at = text.indexOf("\n", at + 1);
  }
  return n;
}
