export { cellText } from "./cell-text.ts";
export { chooseSheetSink } from "./choose-sheet-sink.ts";
export { importXlsx } from "./import-xlsx.ts";
export { looksLikeXlsx } from "./looks-like-xlsx.ts";
