import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError, type AppErrorCode, isAppError } from "../app/index.ts";
import type { Issue } from "../model/index.ts";

/** The one place an AppError code becomes an HTTP status. Clients rely on these: never change one. */
export const HTTP_STATUS: Readonly<Record<AppErrorCode, ContentfulStatusCode>> = {
  usage: 400,
  "invalid-input": 400,
  "unsupported-format": 415,
  "not-found": 404,
  io: 500,
  "store-unavailable": 503,
  "store-failure": 500,
  conflict: 409,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
  "too-large": 413,
  "rate-limited": 429,
  integrity: 500,
  "not-ready": 503,
};

/** Statuses Hono's own middleware throws (body limit, malformed JSON…), read back as codes. */
const CODE_OF_STATUS: Readonly<Record<number, AppErrorCode>> = {
  400: "invalid-input",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  415: "unsupported-format",
  429: "rate-limited",
  503: "store-unavailable",
};

/** The stable error body of every failed request. */
export interface ErrorBody {
  readonly error: {
    readonly code: AppErrorCode;
    readonly message: string;
    readonly issues?: readonly Issue[];
  };
}

/** A zod failure on a request part ("query", "json", "param"…) as issues naming each field. */
export function validationError(error: ZodError, target: string): AppError {
  const issues = error.issues.map(
    (i): Issue => ({
      code: i.code,
      severity: "error",
      path: i.path.map(String).join("."),
      provenance: { source: "request", locator: target },
      message: i.message,
    }),
  );
  const first = issues[0];
  const where = first?.path ? ` (${target} field ${first.path}: ${first.message})` : "";
  return new AppError("invalid-input", `invalid request ${target}${where}`, { issues });
}

function asAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return validationError(error, "body");
  if (error instanceof HTTPException) {
    const code = CODE_OF_STATUS[error.status] ?? "internal";
    return new AppError(code, error.message || `request failed (${error.status})`, { cause: error });
  }
  return new AppError("internal", "internal error", { cause: error });
}

export function errorBody(e: AppError): ErrorBody {
  const issues = e.issues.length > 0 ? { issues: e.issues } : {};
  return { error: { code: e.code, message: e.message, ...issues } };
}

/**
 * Hono's `onError`: every thrown error becomes `{ error: { code, message, issues? } }`. A 5xx
 * never shows the cause (driver messages can name tables, paths or hosts); `report` gets it.
 */
export function onError(report: (error: unknown) => void) {
  return (error: unknown, c: Context): Response => {
    const app = asAppError(error);
    const status = HTTP_STATUS[app.code];
    if (status >= 500) {
      report(error);
      // `not-ready` messages are the server's own words (what it is building), safe to show.
      const message =
        app.code === "not-ready"
          ? app.message
          : status === 503
            ? "the store is unavailable"
            : "internal error";
      const safe = new AppError(app.code, message);
      return c.json(errorBody(safe), status);
    }
    return c.json(errorBody(app), status);
  };
}
