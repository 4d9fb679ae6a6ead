import { readFile } from "node:fs/promises";
import { createRoute } from "@hono/zod-openapi";
import {
  DocumentAddedSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentUploadQuerySchema,
  RegisteredDocumentSchema,
  Sha256ParamSchema,
} from "../../api/index.ts";
import { addDocumentAs, findDocumentAs, listDocumentsAs, readDocumentAs } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { receiveUpload } from "../limits/index.ts";
import type { RouteModule, ServerApp } from "../server-app.ts";

const json = <T>(schema: T) => ({ "application/json": { schema } });
const READERS = requireRole("admin", "analyst", "viewer", "supplier");

const upload = createRoute({
  method: "post",
  path: "/api/documents",
  tags: ["documents"],
  summary: "Register one document (the request body is the file)",
  description:
    "As `threadproof docs add`: stored by SHA-256; adding the same bytes again keeps the first record and merges the links. A supplier may only give refs to its own party, its locations, or lots and events there.",
  middleware: [requireRole("admin", "analyst", "supplier")] as const,
  request: {
    query: DocumentUploadQuerySchema,
    body: {
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      required: true,
    },
  },
  responses: { 201: { description: "registered (or merged)", content: json(DocumentAddedSchema) } },
});

const list = createRoute({
  method: "get",
  path: "/api/documents",
  tags: ["documents"],
  summary: "Registered documents, by SHA-256 (a supplier sees only its own)",
  middleware: [READERS] as const,
  request: { query: DocumentListQuerySchema },
  responses: { 200: { description: "documents", content: json(DocumentListSchema) } },
});

const show = createRoute({
  method: "get",
  path: "/api/documents/{sha256}",
  tags: ["documents"],
  summary: "One document's record",
  middleware: [READERS] as const,
  request: { params: Sha256ParamSchema },
  responses: { 200: { description: "the record", content: json(RegisteredDocumentSchema) } },
});

const content = createRoute({
  method: "get",
  path: "/api/documents/{sha256}/content",
  tags: ["documents"],
  summary: "Download a document's bytes (as an attachment, with its media type)",
  middleware: [READERS] as const,
  request: { params: Sha256ParamSchema },
  responses: {
    200: {
      description: "the file",
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
    },
  },
});

const asList = (ref: string | string[] | undefined): string[] => (ref === undefined ? [] : [ref].flat());

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266), never a raw quote or newline. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** POST/GET /api/documents, GET /api/documents/{sha256}, GET /api/documents/{sha256}/content. */
export function documentRoutes(uploadLimitBytes: number): RouteModule {
  return (app: ServerApp) => {
    app.openapi(upload, async (c) => {
      const q = c.req.valid("query");
      const file = await receiveUpload(c.req.raw, q.name, uploadLimitBytes);
      try {
        const bytes = new Uint8Array(await readFile(file.path));
        const added = await addDocumentAs(
          c.get("store"),
          c.get("principal"),
          { name: q.name, bytes },
          {
            type: q.type,
            refs: asList(q.ref),
            ...(q.date === undefined ? {} : { date: q.date }),
            ...(q.lang === undefined ? {} : { language: q.lang }),
            ...(q.note === undefined ? {} : { note: q.note }),
          },
        );
        return c.json({ ...added, newLinks: [...added.newLinks], issues: [...added.issues] }, 201);
      } finally {
        await file.dispose();
      }
    });
    app.openapi(list, async (c) => {
      const q = c.req.valid("query");
      const documents = await listDocumentsAs(c.get("store"), c.get("principal"), {
        ...(q.ref === undefined ? {} : { ref: q.ref }),
        ...(q.type === undefined ? {} : { type: q.type }),
      });
      return c.json({ documents }, 200);
    });
    app.openapi(show, async (c) => {
      const document = await findDocumentAs(c.get("store"), c.get("principal"), c.req.valid("param").sha256);
      return c.json(document, 200);
    });
    app.openapi(content, async (c) => {
      const { document, bytes } = await readDocumentAs(
        c.get("store"),
        c.get("principal"),
        c.req.valid("param").sha256,
      );
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": document.mediaType,
        "Content-Disposition": contentDisposition(document.fileName),
        "Content-Length": String(bytes.byteLength),
      });
    });
  };
}
