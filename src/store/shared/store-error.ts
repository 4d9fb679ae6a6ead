import { AppError, type AppErrorCode, isAppError } from "../../app/index.ts";

/** Wraps a driver error in the AppError family (an AppError passes through unchanged). */
export function storeError(code: AppErrorCode, what: string, cause: unknown): AppError {
  if (isAppError(cause)) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new AppError(code, `${what}: ${detail}`, { cause });
}

/** Socket errors of a server that went away or never answered. */
const NETWORK_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/**
 * A failure of the store's reachability rather than of the operation: PostgreSQL's connection
 * exceptions (SQLSTATE class 08), a server shutting down or starting (57P01–57P03), a database
 * that no longer exists (3D000), a dropped socket, and SQLite's cannot-open. Retrying later can
 * succeed, so these are `store-unavailable` (HTTP 503, its own exit code), not `store-failure`.
 */
export function isStoreUnreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code.startsWith("08") || ["57P01", "57P02", "57P03", "3D000"].includes(code)) return true;
    if (NETWORK_ERRORS.has(code) || code === "SQLITE_CANTOPEN") return true;
  }
  // node-postgres reports a connection that ends under a query without a code.
  return /^Connection terminated/.test(e.message);
}

/** Runs a store operation so that any driver failure surfaces as `store-failure` or `store-unavailable`. */
export async function guarded<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw storeError(isStoreUnreachable(e) ? "store-unavailable" : "store-failure", what, e);
  }
}
