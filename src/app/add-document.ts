import { createHash } from "node:crypto";
import { CBP_CATEGORIES, type CbpCategory, type Issue, parseCbpCategory } from "../model/index.ts";
import type { AuditEntry } from "./audit-trail.ts";
import { resolveDocumentRefs } from "./document-refs.ts";
import type { DocumentAddResult } from "./document-registry.ts";
import { AppError } from "./errors.ts";
import type { Store } from "./store.ts";

/** A file to register: the caller reads it (the app layer does no file I/O). */
export interface DocumentFile {
  /** As given; only the last path segment is kept. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface AddDocumentOptions {
  /** A CBP category id, label or alias (`bol`, `commercial invoice`). */
  readonly type: string;
  readonly refs: readonly string[];
  /** YYYY-MM-DD. */
  readonly date?: string;
  readonly note?: string;
  readonly language?: string;
  /** ISO timestamp recorded as `addedAt` (default: now). */
  readonly now?: string;
  /** Builds each file's audit record from what was written; committed in the file's own transaction. */
  readonly audit?: (written: DocumentAddResult) => AuditEntry;
}

export interface AddedDocument extends DocumentAddResult {
  readonly issues: readonly Issue[];
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function mediaTypeOf(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return MEDIA_TYPES[ext] ?? "application/octet-stream";
}

/** A CBP category from what a user typed; a usage error listing the valid ones otherwise. */
export function documentCategory(raw: string): CbpCategory {
  const category = parseCbpCategory(raw);
  if (category) return category;
  throw new AppError(
    "usage",
    `unknown document type "${raw}"; use one of: ${CBP_CATEGORIES.join(", ")} (or an alias such as bol, po, inv, coo)`,
  );
}

export function documentDate(raw: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!valid) throw new AppError("usage", `--date ${raw}: expected a calendar date as YYYY-MM-DD`);
  return raw;
}

function baseName(name: string): string {
  return name.split(/[\\/]/).at(-1) || name;
}

/**
 * Registers files that document the same things: the refs are resolved once, then each file is
 * stored under its SHA-256, so adding the same bytes again (under any name) returns the first
 * record with the new links merged in.
 */
export async function addDocuments(
  store: Store,
  files: readonly DocumentFile[],
  options: AddDocumentOptions,
): Promise<AddedDocument[]> {
  const category = documentCategory(options.type);
  const date = options.date === undefined ? undefined : documentDate(options.date);
  const { links, issues } = await resolveDocumentRefs(store, options.refs);
  const added: AddedDocument[] = [];
  for (const file of files) {
    const fileName = baseName(file.name);
    const result = await store.registry.add(
      {
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        category,
        fileName,
        mediaType: mediaTypeOf(fileName),
        size: file.bytes.byteLength,
        language: options.language ?? "en",
        ...(date === undefined ? {} : { date }),
        addedAt: options.now ?? new Date().toISOString(),
        ...(options.note === undefined ? {} : { note: options.note }),
        links,
      },
      file.bytes,
      options.audit,
    );
    added.push({ ...result, issues: [...issues, ...categoryIssues(result, category)] });
  }
  return added;
}

/** Registers one file (see `addDocuments`). */
export async function addDocument(
  store: Store,
  file: DocumentFile,
  options: AddDocumentOptions,
): Promise<AddedDocument> {
  const [added] = await addDocuments(store, [file], options);
  if (!added) throw new AppError("internal", `${file.name} was not registered`);
  return added;
}

function categoryIssues(result: DocumentAddResult, asked: CbpCategory): Issue[] {
  if (result.added || result.document.category === asked) return [];
  return [
    {
      code: "already-registered",
      severity: "warning",
      path: "type",
      provenance: { source: result.document.fileName, locator: result.document.sha256 },
      message: `already registered as ${result.document.category}; the first registration's type is kept`,
    },
  ];
}
