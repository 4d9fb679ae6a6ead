import type ExcelJS from "exceljs";
import { issue, type ParsedChunk, provenance } from "../../model/index.ts";
import { ChunkBuilder, type RowSink } from "../csv/index.ts";
import type { ImportInput } from "../importer.ts";
import { detectBinaryFormat } from "../text/index.ts";
import { cellText } from "./cell-text.ts";
import { chooseSheetSink } from "./choose-sheet-sink.ts";
import { zipRefusal } from "./zip-inflation.ts";

/**
 * An .xlsx workbook whose sheets are the facilities / movements templates or Open Supply Hub lists.
 * The ZIP container cannot be streamed, so the bytes are read whole (workbooks are small); rows
 * still come out in chunks. Legacy .xls and unreadable files are one issue each, never a throw.
 */
export async function* importXlsx(input: ImportInput): AsyncGenerator<ParsedChunk> {
  const out = new ChunkBuilder();
  const bytes = await readAll(input.bytes);
  const workbook = await loadWorkbook(bytes, input.source, out);
  for (const sheet of workbook?.worksheets ?? []) yield* readSheet(sheet, input.source, out);
  if (!out.isEmpty()) yield out.take();
}

/** Rows of one sheet through the sink its header chooses; yields whenever the chunk fills. */
function* readSheet(sheet: ExcelJS.Worksheet, source: string, out: ChunkBuilder): Generator<ParsedChunk> {
  let sink: RowSink | undefined;
  let headerSeen = false;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const cells = rowCells(sheet.getRow(n));
    if (cells.every((c) => !c.trim())) continue;
    const locator = `sheet ${sheet.name}, row ${n}`;
    if (headerSeen) sink?.accept({ locator, cells }, out);
    else {
      headerSeen = true;
      sink = startSheet(sheet.name, cells, locator, source, out);
      if (!sink) return;
    }
    if (out.isFull()) yield out.take();
  }
  sink?.finish(out);
}

function startSheet(
  name: string,
  header: string[],
  locator: string,
  source: string,
  out: ChunkBuilder,
): RowSink | undefined {
  const factory = chooseSheetSink(name, header);
  if (!factory) {
    const message = `sheet ${name} is not a facilities or movements template nor an Open Supply Hub list (expected the sheet name or the template's header row); skipped`;
    out.issues.push(issue("xlsx.unknown-sheet", provenance(source, locator), "", message, "warning"));
    return undefined;
  }
  const made = factory(source, header, locator);
  out.issues.push(...made.issues);
  return made.sink;
}

async function loadWorkbook(
  bytes: Uint8Array,
  source: string,
  out: ChunkBuilder,
): Promise<ExcelJS.Workbook | undefined> {
  const at = provenance(source, "byte 0");
  const format = detectBinaryFormat(bytes);
  if (format === "xls") {
    const message =
      "expected an .xlsx workbook, found a legacy Excel .xls (BIFF) file: open it in Excel or LibreOffice and save it as .xlsx or as CSV (UTF-8)";
    out.issues.push(issue("xlsx.legacy-xls", at, "", message));
    return undefined;
  }
  if (format !== "xlsx") {
    out.issues.push(
      issue("xlsx.not-a-workbook", at, "", "expected an .xlsx workbook (a ZIP container), found other bytes"),
    );
    return undefined;
  }
  const refusal = zipRefusal(bytes);
  if (refusal !== undefined) {
    out.issues.push(issue(refusal.code, at, "", refusal.message));
    return undefined;
  }
  // Loaded on first use: exceljs takes about a second to load, which every other import (and every
  // command) paid when it was imported up front.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch (error) {
    // exceljs throws plain Errors for damaged archives: that is bad data, reported as such.
    if (!(error instanceof Error)) throw error;
    out.issues.push(issue("xlsx.unreadable", at, "", `expected a readable .xlsx workbook: ${error.message}`));
    return undefined;
  }
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = Array.isArray(row.values) ? row.values : [];
  // exceljs row values are 1-based: index 0 is always empty.
  return values.slice(1).map(cellText);
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return all;
}
