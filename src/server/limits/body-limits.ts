import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../app/index.ts";

/** JSON requests (match batches, review decisions, logins…) are never near this. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Routes whose body is a file: they stream it to disk under the upload limit themselves. */
const UPLOAD_ROUTES: readonly { readonly method: string; readonly path: string }[] = [
  { method: "POST", path: "/api/imports" },
  { method: "POST", path: "/api/documents" },
];

function isUpload(method: string, path: string): boolean {
  return UPLOAD_ROUTES.some((r) => r.method === method && r.path === path.replace(/\/+$/, ""));
}

/**
 * A size limit on every request body: uploads get the configured upload limit (enforced while
 * streaming, see `receiveUpload`), everything else 1 MB. A body over its limit is a 413
 * `too-large` before any route reads it.
 */
export function bodyLimits(uploadLimitBytes: number): MiddlewareHandler {
  const small = bodyLimit({
    maxSize: JSON_BODY_LIMIT_BYTES,
    onError: () => {
      throw new AppError(
        "too-large",
        `request body above ${JSON_BODY_LIMIT_BYTES} bytes; files go to POST /api/imports or /api/documents`,
      );
    },
  });
  return async (c, next) => {
    // A GET or HEAD has no body (the Fetch API refuses one), which hono's limit would find out by
    // building the whole web Request (AbortController, headers) of every read: 6 of 71 busy
    // seconds of the server's event loop under bench:server.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (!isUpload(c.req.method, c.req.path)) return small(c, next);
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > uploadLimitBytes)
      throw new AppError(
        "too-large",
        `the upload of ${declared} bytes is above the limit of ${uploadLimitBytes} bytes (the server's --upload-limit or THREADPROOF_UPLOAD_LIMIT)`,
      );
    await next();
  };
}
