import { type AppErrorCode, isAppError } from "../app/index.ts";

/** The one place errors become exit codes. Scripts rely on these numbers: never renumber. */
export const EXIT_CODES: Readonly<Record<AppErrorCode, number>> = {
  internal: 1,
  usage: 2,
  "invalid-input": 3,
  "unsupported-format": 4,
  "not-found": 5,
  io: 6,
  "store-unavailable": 7,
  "store-failure": 8,
  conflict: 9,
  unauthorized: 10,
  forbidden: 11,
  "too-large": 12,
  "rate-limited": 13,
  integrity: 14,
  "not-ready": 15,
};

export function exitCodeFor(error: unknown): number {
  return isAppError(error) ? EXIT_CODES[error.code] : EXIT_CODES.internal;
}
