import { z } from "zod";

export const ProvenanceSchema = z
  .object({
    source: z.string().describe("the file (or request part) the fact came from"),
    locator: z.string().describe("line, row or event within it"),
  })
  .meta({ id: "Provenance" });

export const IssueSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    path: z.string().describe("the field, e.g. `limit` or `queries.a.name`"),
    provenance: ProvenanceSchema,
    message: z.string(),
  })
  .meta({ id: "Issue" });

export const ErrorCodeSchema = z
  .enum([
    "usage",
    "invalid-input",
    "unsupported-format",
    "not-found",
    "io",
    "store-unavailable",
    "store-failure",
    "conflict",
    "internal",
    "unauthorized",
    "forbidden",
    "too-large",
    "rate-limited",
    "not-ready",
  ])
  .meta({ id: "ErrorCode" });

/** Every failed request: one stable shape, whatever failed. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      issues: z.array(IssueSchema).optional(),
    }),
  })
  .meta({ id: "ErrorBody" });

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

/** `limit` and the opaque `cursor` of the previous page's `nextCursor`. */
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(DEFAULT_PAGE)
    .describe(`rows per page, 1-${MAX_PAGE} (default ${DEFAULT_PAGE})`),
  cursor: z
    .string()
    .max(2048)
    .optional()
    .describe("the `nextCursor` of the previous page; absent for the first page"),
});

/** A page of a listing in stable (id) order; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null when done"),
  });
}

/** Ids are URNs and hashes (`urn:epc:id:sgln:…`, `ni:///sha-256;…`): percent-encode them in paths. */
export const IdParamSchema = z.object({
  id: z.string().min(1).max(1024).describe("the record's id, percent-encoded (encodeURIComponent)"),
});

export type ErrorBodyJson = z.infer<typeof ErrorBodySchema>;
export type PageQuery = z.infer<typeof PageQuerySchema>;
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
