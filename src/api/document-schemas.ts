import { z } from "zod";
import { ImportIssueSchema } from "./import-schemas.ts";

export const DocumentLinkSchema = z.object({
  kind: z.enum(["lot", "event", "shipment", "party", "location", "biz-transaction", "document"]),
  ref: z.string(),
});

export const RegisteredDocumentSchema = z.object({
  sha256: z.string().describe("lower-case hex SHA-256 of the bytes: the document's identity"),
  category: z.string().describe("CBP category, e.g. commercial-invoice"),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  language: z.string(),
  date: z.string().optional(),
  addedAt: z.string(),
  note: z.string().optional(),
  links: z.array(DocumentLinkSchema).readonly(),
});

const text = (max: number) => z.string().min(1).max(max);

/** Query parameters of POST /api/documents; the body is the file's bytes. */
export const DocumentUploadQuerySchema = z.object({
  name: text(255).describe("the file's name (its extension sets the media type)"),
  type: text(80).describe("CBP category id, label or alias: bol, po, inv, commercial-invoice…"),
  ref: z
    .union([text(1024), z.array(text(1024)).max(100)])
    .optional()
    .describe(
      "what the document supports (lot, location, party, event, bill of lading…); repeat for several",
    ),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe("the document's own date, YYYY-MM-DD"),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional()
    .describe("BCP 47 language tag of its text (default en)"),
  note: z.string().max(2000).optional(),
});

export const DocumentListQuerySchema = z.object({
  ref: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe("documents linked to this lot, event, party, location or transaction"),
  type: z.string().min(1).max(80).optional().describe("CBP category id, label or alias"),
});

export const DocumentAddedSchema = z.object({
  document: RegisteredDocumentSchema,
  added: z.boolean().describe("false when the same bytes were already registered (the first record is kept)"),
  newLinks: z.array(DocumentLinkSchema).readonly(),
  issues: z
    .array(ImportIssueSchema)
    .readonly()
    .describe("warnings: refs the store does not know yet, a different first type"),
});

export const DocumentListSchema = z.object({ documents: z.array(RegisteredDocumentSchema).readonly() });

export const Sha256ParamSchema = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("the document's SHA-256, 64 lower-case hex characters"),
});
