import { z } from "zod";
import { ImportIssueSchema, JobFailureSchema, JobStatusSchema } from "./import-schemas.ts";

export const PackageRequestSchema = z.object({
  shipment: z
    .string()
    .min(1)
    .max(1024)
    .describe("the import shipment: bill of lading number (BOL-MAEU-5505) or business-transaction id"),
});

export const PackageJobSchema = z.object({
  id: z.string().describe("the job's id (random)"),
  status: JobStatusSchema,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  progress: z.object({
    shipment: z.string(),
    stage: z.enum(["queued", "loading", "rendering", "done"]),
  }),
  result: z
    .object({
      shipment: z.string(),
      verdict: z.string(),
      title: z.string(),
      jsonSha256: z.string(),
      issues: z.array(ImportIssueSchema).readonly(),
      pdf: z.string().describe("download path of package.pdf"),
      json: z.string().describe("download path of package.json"),
    })
    .optional(),
  error: JobFailureSchema.optional(),
});
