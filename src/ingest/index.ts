export type { ImportFormat } from "./detect-format.ts";
export { IMPORT_FORMATS, isImportFormat } from "./detect-format.ts";
export type { Sha256Hex, UnhashedEvent } from "./epcis/index.ts";
export { computeEventId, useSha256, writeEpcisJsonLd } from "./epcis/index.ts";
export type { Importer, ImportInput } from "./importer.ts";
export { CHUNK_RECORDS } from "./importer.ts";
export { detectImportFormat, importerFor } from "./importer-for.ts";
export type {
  BundledLists,
  ListDiff,
  ListEntry,
  ListFormat,
  ListName,
  ListSnapshot,
  WroRegionRule,
} from "./lists/index.ts";
export { diffListVersions, LIST_FORMATS, loadBundledLists, parseListFile } from "./lists/index.ts";
