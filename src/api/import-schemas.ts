import { z } from "zod";

/** A bad record as the CLI reports it: file and line or event (provenance), field (path), message. */
export const ImportIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  path: z.string().describe("the field, e.g. event_time"),
  provenance: z.object({
    source: z.string().describe("the uploaded file's name"),
    locator: z.string().describe("line, row or event, e.g. 'line 14' or 'event 3 (urn:uuid:…)'"),
  }),
  message: z.string(),
});

export const WriteCountsSchema = z.object({
  parties: z.number().int(),
  locations: z.number().int(),
  lots: z.number().int(),
  events: z.number().int(),
  links: z.number().int(),
  documents: z.number().int(),
  retracted: z.number().int(),
});

/** Query parameters of POST /api/imports; the body is the file's bytes. */
export const ImportUploadQuerySchema = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe("the file's name, used in every issue's provenance (default: upload)"),
  format: z
    .string()
    .max(40)
    .optional()
    .describe(
      "force a format (epcis-json, epcis-xml, facilities-csv, movements-csv, osh-csv, ftm-json, xlsx); detected from the content when absent",
    ),
  skipInvalid: z
    .enum(["true", "false"])
    .optional()
    .describe("import the valid records and list the invalid ones, instead of rejecting the file"),
});

export const JobStatusSchema = z.enum(["queued", "running", "succeeded", "failed"]);

export const JobFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ImportIssueSchema).readonly(),
});

export const ImportJobSchema = z.object({
  id: z.string().describe("the job's id (random)"),
  status: JobStatusSchema,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  progress: z.object({
    bytesRead: z.number().int(),
    bytesTotal: z.number().int().optional(),
    recordsRead: z.number().int(),
    recordsWritten: z.number().int(),
  }),
  result: z
    .object({
      importId: z.number().int().describe("the entry in GET /api/imports"),
      source: z.string(),
      format: z.string(),
      sha256: z.string(),
      added: WriteCountsSchema,
      recordsRead: z.number().int(),
      skipped: z.array(ImportIssueSchema).readonly(),
      warnings: z.array(ImportIssueSchema).readonly(),
    })
    .optional()
    .describe("when succeeded: what the import added (a re-import adds nothing)"),
  error: JobFailureSchema.optional().describe(
    "when failed: the same report as the CLI, every bad record with file, line or event and field; nothing was imported",
  ),
});

export const ImportLogEntrySchema = z.object({
  id: z.number().int(),
  source: z.string(),
  format: z.string(),
  sha256: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  skippedIssues: z.number().int(),
  added: WriteCountsSchema,
});

export const ImportLogSchema = z.object({ imports: z.array(ImportLogEntrySchema).readonly() });

export const JobIdParamSchema = z.object({ id: z.string().uuid() });

export type ImportJobBody = z.infer<typeof ImportJobSchema>;
