/**
 * Format detection from content, not the file name: a supplier's `.txt` that holds EPCIS JSON is
 * EPCIS JSON. The extension only breaks ties the content leaves open.
 */
export type ImportFormat =
  | "epcis-json"
  | "epcis-xml"
  | "facilities-csv"
  | "movements-csv"
  | "osh-csv"
  | "ftm-json"
  | "xlsx";

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  "epcis-json",
  "epcis-xml",
  "facilities-csv",
  "movements-csv",
  "osh-csv",
  "ftm-json",
  "xlsx",
];

export function isImportFormat(s: string): s is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(s);
}

export interface CsvSniffers {
  readonly facilities: (head: string) => boolean;
  readonly movements: (head: string) => boolean;
  readonly openSupplyHub: (head: string) => boolean;
  readonly ftm: (head: string) => boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function headText(bytes: Uint8Array): string {
  // A head cut mid-character or in GB18030 still decodes well enough to read an ASCII header row.
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
}

function detectJson(text: string, sniff: CsvSniffers): ImportFormat | undefined {
  if (/"(epcisBody|EPCISDocument|EPCISQueryDocument)"/.test(text)) return "epcis-json";
  if (sniff.ftm(text)) return "ftm-json";
  if (/"@context"/.test(text) && /epcis/i.test(text)) return "epcis-json";
  return undefined;
}

/** Returns the format, or undefined when the content matches none (the caller reports it). */
export function detectFormat(
  head: Uint8Array,
  fileName: string,
  sniff: CsvSniffers,
): ImportFormat | undefined {
  if (startsWith(head, ZIP) || startsWith(head, OLE)) return "xlsx";
  const text = headText(head);
  const first = text.trimStart()[0];
  if (first === "<") return /EPCIS(Query)?Document|epcis/i.test(text) ? "epcis-xml" : undefined;
  if (first === "{" || first === "[") return detectJson(text, sniff);
  if (sniff.movements(text)) return "movements-csv";
  if (sniff.facilities(text)) return "facilities-csv";
  if (sniff.openSupplyHub(text)) return "osh-csv";
  if (/\.xlsx?$/i.test(fileName)) return "xlsx";
  return undefined;
}
