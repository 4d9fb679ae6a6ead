import { assertNever } from "../../lib/index.ts";
import type { ListName, ListParseResult } from "./list-entry.ts";
import { parseDhsUflpaHtml } from "./parse-dhs-uflpa-html.ts";
import { parseFtmList } from "./parse-ftm-list.ts";
import { parseListCsv } from "./parse-list-csv.ts";

/** The list formats `lists update` reads. */
export type ListFormat = "dhs-html" | "ftm" | "csv";

export const LIST_FORMATS: readonly ListFormat[] = ["dhs-html", "ftm", "csv"];

/** An FtM export starts with a JSON object carrying `schema`; HTML with a tag. */
export function detectListFormat(text: string): ListFormat {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return "dhs-html";
  if (head.startsWith("{")) {
    const firstLine = head.slice(0, head.indexOf("\n") === -1 ? undefined : head.indexOf("\n"));
    if (/"schema"\s*:/.test(firstLine)) return "ftm";
  }
  return "csv";
}

/** Reads a list file in the given format, or the one its content shows. */
export function parseListFile(
  text: string,
  source: string,
  options: { readonly format?: ListFormat; readonly list?: ListName } = {},
): ListParseResult & { readonly format: ListFormat } {
  const format = options.format ?? detectListFormat(text);
  const list = options.list ?? "uflpa";
  switch (format) {
    case "dhs-html":
      return { format, ...parseDhsUflpaHtml(text, source) };
    case "ftm":
      return { format, ...parseFtmList(text, source, list) };
    case "csv":
      return { format, ...parseListCsv(text, source, list) };
    default:
      return assertNever(format);
  }
}
