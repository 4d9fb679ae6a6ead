export type { AppErrorCode } from "./errors.ts";
export { AppError, isAppError } from "./errors.ts";
export type {
  EventQuery,
  ImportLogEntry,
  ImportMeta,
  ImportSession,
  ImportSummary,
  Store,
  StoreStats,
  WriteCounts,
} from "./store.ts";
export type { ImportOptions, ImportResult, ImportSource } from "./import-file.ts";
export { importFile } from "./import-file.ts";
export { exportEpcis } from "./export-epcis.ts";
export type { GeneratedFile, GenerateOptions } from "./generate-sample.ts";
export { generateChain, SAMPLE_SIZES } from "./generate-sample.ts";
