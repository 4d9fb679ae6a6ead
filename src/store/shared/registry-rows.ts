import type { DocumentLink, DocumentLinkKind, RegisteredDocument } from "../../app/index.ts";
import type { CbpCategory } from "../../model/index.ts";

type Row = Readonly<Record<string, unknown>>;

/** Statements both dialects read alike (placeholders differ, so writes stay per adapter). */
export const REGISTRY_SQL = {
  documents: `select sha256, category, file_name, media_type, size, language, document_date, added_at, note
    from registry_documents order by sha256`,
  links: "select sha256, kind, ref from registry_links order by sha256, kind, ref",
} as const;

/** The same reads for one document; `param` is the dialect's placeholder for its SHA-256. */
export function oneDocumentSql(param: "?" | "$1") {
  return {
    document: REGISTRY_SQL.documents.replace("order by sha256", `where sha256 = ${param}`),
    links: REGISTRY_SQL.links.replace("order by", `where sha256 = ${param} order by`),
  };
}

const optional = <K extends string>(key: K, value: unknown): { [P in K]?: string } =>
  (value === null || value === undefined ? {} : { [key]: String(value) }) as { [P in K]?: string };

/** Rows of both tables, joined in memory: the registry is small next to the event tables. */
export function toRegisteredDocuments(
  documents: readonly Row[],
  links: readonly Row[],
): RegisteredDocument[] {
  const bySha = new Map<string, DocumentLink[]>();
  for (const l of links) {
    const sha = String(l.sha256);
    const list = bySha.get(sha) ?? [];
    list.push({ kind: String(l.kind) as DocumentLinkKind, ref: String(l.ref) });
    bySha.set(sha, list);
  }
  return documents.map((d) => ({
    sha256: String(d.sha256),
    category: String(d.category) as CbpCategory,
    fileName: String(d.file_name),
    mediaType: String(d.media_type),
    // PostgreSQL returns bigint as a string.
    size: Number(d.size),
    language: String(d.language),
    ...optional("date", d.document_date),
    addedAt: String(d.added_at),
    ...optional("note", d.note),
    links: bySha.get(String(d.sha256)) ?? [],
  }));
}

/** The values of one `registry_documents` row, in column order. */
export function documentValues(d: RegisteredDocument): unknown[] {
  return [
    d.sha256,
    d.category,
    d.fileName,
    d.mediaType,
    d.size,
    d.language,
    d.date ?? null,
    d.addedAt,
    d.note ?? null,
  ];
}

/** Links sorted by kind then ref, without repeats. */
export function sortLinks(links: readonly DocumentLink[]): DocumentLink[] {
  const unique = new Map(links.map((l) => [`${l.kind}\u0000${l.ref}`, l]));
  return [...unique.values()].sort((a, b) =>
    a.kind === b.kind ? (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) : a.kind < b.kind ? -1 : 1,
  );
}
