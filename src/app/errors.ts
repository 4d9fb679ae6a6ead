import type { Issue } from "../model/index.ts";

/**
 * Operational failures. Each has a stable `code`; the CLI maps codes to exit codes in
 * `cli/exit-codes.ts` and the server to HTTP statuses in `server/on-error.ts`, nowhere else.
 */
export type AppErrorCode =
  | "usage"
  | "invalid-input"
  | "unsupported-format"
  | "not-found"
  | "io"
  | "store-unavailable"
  | "store-failure"
  | "conflict"
  | "internal"
  | "unauthorized"
  | "forbidden"
  | "too-large"
  | "rate-limited"
  /** The server is still building what the request needs (the trace graph); ask again later. */
  | "not-ready"
  /** Stored data fails its own check (`audit verify` found an altered, deleted or reordered record). */
  | "integrity";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: readonly Issue[];

  constructor(
    code: AppErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly Issue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
