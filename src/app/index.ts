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
