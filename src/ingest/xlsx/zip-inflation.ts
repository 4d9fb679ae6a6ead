/**
 * Zip-bomb guard for .xlsx workbooks, run on the central directory before exceljs inflates
 * anything: a few kilobytes of ZIP can claim gigabytes of XML, and exceljs holds every part in
 * memory. The sizes are the ones the archive declares; JSZip (under exceljs) checks each part's
 * inflated length against its declared size, so a part that lies is caught when it is read.
 */

/** Workbooks above this many bytes of XML would not fit the import's memory budget anyway. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Real sheets compress 5–30:1; repetitive ones reach 60:1. Bombs are at 1000:1 and more. */
export const MAX_XLSX_COMPRESSION_RATIO = 100;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const SATURATED = 0xffffffff;

export interface ZipInflation {
  readonly entries: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

function endOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--)
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  return undefined;
}

/** The real 64-bit sizes of an entry whose 32-bit fields are saturated (ZIP64 extra field). */
function zip64Sizes(view: DataView, extraStart: number, extraLength: number, sizes: [number, number]) {
  let at = extraStart;
  while (at + 4 <= extraStart + extraLength) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      // Only the saturated fields are present, uncompressed first.
      for (const index of [1, 0] as const) {
        if (sizes[index] !== SATURATED || field + 8 > at + 4 + length) continue;
        sizes[index] = Number(view.getBigUint64(field, true));
        field += 8;
      }
    }
    at += 4 + length;
  }
}

/**
 * What the archive's central directory declares, or a reason it cannot be read (then the caller
 * refuses the file: an archive without a readable directory is not a workbook exceljs can open).
 */
export function readZipInflation(bytes: Uint8Array): ZipInflation | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd === undefined) return "no ZIP central directory found (truncated or damaged archive)";
  const entries = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  let at = start;
  let compressedBytes = 0;
  let uncompressedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (at + CENTRAL_HEADER_SIZE > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return `ZIP central directory entry ${n + 1} of ${entries} is damaged`;
    const sizes: [number, number] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    zip64Sizes(view, at + CENTRAL_HEADER_SIZE + nameLength, extraLength, sizes);
    compressedBytes += sizes[0];
    uncompressedBytes += sizes[1];
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  return { entries, compressedBytes, uncompressedBytes };
}

const MB = 1024 * 1024;

export interface ZipRefusal {
  readonly code: "xlsx.unreadable" | "xlsx.too-large";
  readonly message: string;
}

/**
 * Why a workbook is refused before it is inflated, or undefined when it is within the limits. A
 * directory this reader cannot follow (damaged, or ZIP64 beyond 4 GB) is refused too: its sizes
 * could not be checked.
 */
export function zipRefusal(bytes: Uint8Array): ZipRefusal | undefined {
  const inflation = readZipInflation(bytes);
  if (typeof inflation === "string")
    return { code: "xlsx.unreadable", message: `expected a readable .xlsx workbook: ${inflation}` };
  const reason = zipBombReason(inflation, bytes.byteLength);
  return reason === undefined
    ? undefined
    : { code: "xlsx.too-large", message: `refused before reading: ${reason}` };
}

function zipBombReason({ uncompressedBytes }: ZipInflation, fileBytes: number): string | undefined {
  if (uncompressedBytes > MAX_XLSX_UNCOMPRESSED_BYTES)
    return `the workbook would inflate to ${Math.round(uncompressedBytes / MB)} MB of XML, above the limit of ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB (split it, or save the sheets as CSV)`;
  const ratio = uncompressedBytes / Math.max(fileBytes, 1);
  if (ratio > MAX_XLSX_COMPRESSION_RATIO)
    return `the workbook's compression ratio is ${Math.round(ratio)}:1, above the limit of ${MAX_XLSX_COMPRESSION_RATIO}:1 for a spreadsheet (a zip bomb?)`;
  return undefined;
}
