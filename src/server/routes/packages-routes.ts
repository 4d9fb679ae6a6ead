import { createRoute } from "@hono/zod-openapi";
import { JobIdParamSchema, PackageJobSchema, PackageRequestSchema } from "../../api/index.ts";
import {
  AppError,
  createPackageJobs,
  type PackageJob,
  type PackageJobs,
  submitPackage,
} from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import type { RouteModule, ServerApp } from "../server-app.ts";
import { contentDisposition } from "./documents-routes.ts";
import { packageFonts } from "./packages-fonts.ts";

const job = { "application/json": { schema: PackageJobSchema } };
/** Packages show the whole chain, every party in it: never a supplier's to see. */
const READERS = requireRole("admin", "analyst", "viewer");

const build = createRoute({
  method: "post",
  path: "/api/packages",
  tags: ["packages"],
  summary: "Build the evidence package of an import shipment (async job)",
  description:
    "The same package as `threadproof package`: package.pdf and package.json. Poll GET /api/packages/{id}; download when it has succeeded. Built packages are kept in memory (the last 20) until the server restarts.",
  middleware: [requireRole("admin", "analyst")] as const,
  request: { body: { content: { "application/json": { schema: PackageRequestSchema } }, required: true } },
  responses: { 202: { description: "queued", content: job } },
});

const status = createRoute({
  method: "get",
  path: "/api/packages/{id}",
  tags: ["packages"],
  summary: "A package job: status, stage, verdict and download paths",
  middleware: [READERS] as const,
  request: { params: JobIdParamSchema },
  responses: { 200: { description: "the job", content: job } },
});

const download = (file: "package.pdf" | "package.json") =>
  createRoute({
    method: "get",
    path: `/api/packages/{id}/${file}`,
    tags: ["packages"],
    summary: `Download ${file}`,
    middleware: [READERS] as const,
    request: { params: JobIdParamSchema },
    responses: {
      200: {
        description: file,
        content: {
          [file.endsWith("pdf") ? "application/pdf" : "application/json"]: { schema: { type: "string" } },
        },
      },
    },
  });

function jobBody({ owner: _owner, result, ...rest }: PackageJob) {
  if (!result) return rest;
  const { pdf: _pdf, json: _json, ...summary } = result;
  const base = `/api/packages/${rest.id}`;
  return {
    ...rest,
    result: {
      ...summary,
      issues: [...summary.issues],
      pdf: `${base}/package.pdf`,
      json: `${base}/package.json`,
    },
  };
}

function built(jobs: PackageJobs, id: string) {
  const found = jobs.get(id);
  if (!found)
    throw new AppError("not-found", "no such package job (jobs are kept until the server restarts)");
  if (!found.result)
    throw new AppError("conflict", `package job ${id} is ${found.status}: download once it has succeeded`);
  return found.result;
}

/** POST /api/packages, GET /api/packages/{id}, GET /api/packages/{id}/package.pdf|package.json. */
export function packageRoutes(jobs: PackageJobs = createPackageJobs()): RouteModule {
  return (app: ServerApp) => {
    app.openapi(build, (c) => {
      const { shipment } = c.req.valid("json");
      const submitted = submitPackage(jobs, c.get("store"), c.get("principal"), shipment, packageFonts);
      c.header("Location", `/api/packages/${submitted.id}`);
      return c.json(jobBody(submitted), 202);
    });
    app.openapi(status, (c) => {
      const found = jobs.get(c.req.valid("param").id);
      if (!found)
        throw new AppError("not-found", "no such package job (jobs are kept until the server restarts)");
      return c.json(jobBody(found), 200);
    });
    app.openapi(download("package.pdf"), (c) => {
      const result = built(jobs, c.req.valid("param").id);
      return c.body(result.pdf as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(`package-${result.shipment}.pdf`),
      });
    });
    app.openapi(download("package.json"), (c) => {
      const result = built(jobs, c.req.valid("param").id);
      return c.body(result.json, 200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition(`package-${result.shipment}.json`),
      });
    });
  };
}
