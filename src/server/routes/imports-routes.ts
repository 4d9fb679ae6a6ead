import { createRoute } from "@hono/zod-openapi";
import {
  ImportJobSchema,
  ImportLogSchema,
  ImportUploadQuerySchema,
  JobIdParamSchema,
} from "../../api/index.ts";
import {
  AppError,
  createImportJobs,
  type ImportJob,
  type ImportJobs,
  submitImport,
} from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { receiveUpload } from "../limits/index.ts";
import type { RouteModule, ServerApp } from "../server-app.ts";

const job = { "application/json": { schema: ImportJobSchema } };

const upload = createRoute({
  method: "post",
  path: "/api/imports",
  tags: ["imports"],
  summary: "Upload a file to import (async job)",
  description:
    "The request body is the file's bytes (any content type), streamed to disk under the upload limit. The format is detected from the content as `threadproof import` does. The import runs as a job: poll GET /api/imports/{id}. A file with any invalid record is rejected whole (the store is left as it was) unless skipInvalid=true. A supplier may import records about its own party's locations only (see docs/accounts.md): a file with any record outside that scope is refused whole with `out-of-scope` issues, and skipInvalid is refused (403).",
  middleware: [requireRole("admin", "analyst", "supplier")] as const,
  request: {
    query: ImportUploadQuerySchema,
    body: {
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      required: true,
    },
  },
  responses: {
    202: { description: "queued", content: job },
  },
});

const status = createRoute({
  method: "get",
  path: "/api/imports/{id}",
  tags: ["imports"],
  summary: "An import job: status, progress, issues, counts",
  description: "A supplier sees only the jobs it submitted (another's id is 404).",
  middleware: [requireRole("admin", "analyst", "viewer", "supplier")] as const,
  request: { params: JobIdParamSchema },
  responses: { 200: { description: "the job", content: job } },
});

const log = createRoute({
  method: "get",
  path: "/api/imports",
  tags: ["imports"],
  summary: "The store's import log (every committed import, newest last)",
  middleware: [requireRole("admin", "analyst", "viewer")] as const,
  responses: {
    200: { description: "import log", content: { "application/json": { schema: ImportLogSchema } } },
  },
});

/** A job as the API shows it (the owner's user id stays inside). */
function jobBody({ owner: _owner, ...rest }: ImportJob) {
  return rest;
}

/**
 * POST /api/imports, GET /api/imports/{id}, GET /api/imports. Jobs live in this app instance's
 * registry (one import at a time, in order); the import log is the store's.
 */
export function importRoutes(uploadLimitBytes: number, jobs: ImportJobs = createImportJobs()): RouteModule {
  return (app: ServerApp) => {
    app.openapi(upload, async (c) => {
      const query = c.req.valid("query");
      const name = query.name ?? "upload";
      const file = await receiveUpload(c.req.raw, name, uploadLimitBytes);
      let submitted: ImportJob;
      try {
        submitted = submitImport(jobs, c.get("store"), c.get("principal"), {
          source: file,
          ...(query.format === undefined ? {} : { format: query.format }),
          skipInvalid: query.skipInvalid === "true",
          release: file.dispose,
        });
      } catch (e) {
        // Refused before queueing (unknown or undetectable format): the job will not delete it.
        await file.dispose();
        throw e;
      }
      c.header("Location", `/api/imports/${submitted.id}`);
      return c.json(jobBody(submitted), 202);
    });
    app.openapi(status, (c) => {
      const found = jobs.get(c.req.valid("param").id);
      const principal = c.get("principal");
      // A supplier's job lists its records and issues: not for another account to read.
      const hidden = principal.role === "supplier" && found?.owner !== principal.userId;
      if (!found || hidden)
        throw new AppError("not-found", "no such import job (jobs are kept until the server restarts)");
      return c.json(jobBody(found), 200);
    });
    app.openapi(log, async (c) => {
      const entries = await c.get("store").importLog();
      return c.json({ imports: [...entries] }, 200);
    });
  };
}
