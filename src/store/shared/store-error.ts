import { AppError, type AppErrorCode, isAppError } from "../../app/index.ts";

/** Wraps a driver error in the AppError family (an AppError passes through unchanged). */
export function storeError(code: AppErrorCode, what: string, cause: unknown): AppError {
  if (isAppError(cause)) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(code, `${what}: ${detail}`, { cause });
}

/** Runs a store operation so that any driver failure surfaces as `store-failure`. */
export async function guarded<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw storeError("store-failure", what, e);
  }
}
