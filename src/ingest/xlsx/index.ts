export { cellText } from "./cell-text.ts";
export { chooseSheetSink } from "./choose-sheet-sink.ts";
export { importXlsx } from "./import-xlsx.ts";
export { looksLikeXlsx } from "./looks-like-xlsx.ts";
export type { ZipInflation, ZipRefusal } from "./zip-inflation.ts";
export {
  MAX_XLSX_COMPRESSION_RATIO,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  readZipInflation,
  zipRefusal,
} from "./zip-inflation.ts";
