import Papa from "papaparse";
import { issue, provenance } from "../../model/index.ts";
import {
  type Issue,
  type ListEntry,
  type ListName,
  type ListParseResult,
  listEntry,
  parseUflpaSection,
} from "./list-entry.ts";
import { mergeListEntries } from "./merge-list-entries.ts";
import { parseDhsDate } from "./parse-dhs-date.ts";

type Row = Readonly<Record<string, string | undefined>>;

const HAN = /\p{Script=Han}/u;
const FORMER = /\s*\((?:formerly known as|fka|former name)\)\s*$/i;

function cell(row: Row, ...names: string[]): string {
  for (const n of names) {
    const v = row[n]?.trim();
    if (v) return v;
  }
  return "";
}

function list(raw: string): string[] {
  return raw
    .split(/\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function sectionsOf(raw: string): string[] {
  return list(raw).map((s) => parseUflpaSection(s) ?? s);
}

/** Aliases cell: "A; B (formerly known as)" — the bundled snapshot marks former names that way. */
function namesOf(row: Row): { aliases: string[]; formerNames: string[]; chineseNames: string[] } {
  const all = list(cell(row, "aliases", "alias"));
  const former = [
    ...all.filter((a) => FORMER.test(a)).map((a) => a.replace(FORMER, "")),
    ...list(cell(row, "former_names", "formerly_known_as")),
  ];
  const aliases = all.filter((a) => !FORMER.test(a));
  const chinese = [
    ...aliases.filter((a) => HAN.test(a)),
    ...list(cell(row, "chinese_names", "chinese_name")),
  ];
  return { aliases: aliases.filter((a) => !HAN.test(a)), formerNames: former, chineseNames: chinese };
}

function rowEntry(
  row: Row,
  list_: ListName,
  source: string,
  line: number,
  issues: Issue[],
): ListEntry | undefined {
  const prov = provenance(source, `row ${line}`);
  const name = cell(row, "name", "entity", "entity_name");
  if (!name) {
    issues.push(issue("list-csv/empty-name", prov, "name", "row without a name"));
    return undefined;
  }
  const rawDate = cell(row, "effective_date", "date_added", "date");
  const effectiveDate = rawDate ? parseDhsDate(rawDate) : undefined;
  if (rawDate && !effectiveDate)
    issues.push(issue("list-csv/bad-date", prov, "date", `unreadable date "${rawDate}"`, "warning"));
  const notes = [cell(row, "notes"), cell(row, "subsidiaries_note")].filter(Boolean);
  const rawList = cell(row, "list").toLowerCase();
  // Row numbers ("1", "2") are not stable across versions: such ids fall back to the name.
  const id = /^\d+$/.test(cell(row, "id")) ? "" : cell(row, "id");
  const parentId = cell(row, "parent_id");
  const address = cell(row, "address", "province_or_country", "country_region");
  return listEntry(rawList === "wro" || rawList === "uflpa" ? rawList : list_, name, prov, {
    ...namesOf(row),
    sections: sectionsOf(cell(row, "section", "type")),
    ...(effectiveDate ? { effectiveDate } : {}),
    subsidiaries: list(cell(row, "subsidiaries")),
    includesSubordinates: /subordinate and affiliated/i.test(`${name} ${notes.join(" ")}`),
    ...(id ? { id: `${list_}:${id}` } : {}),
    ...(parentId ? { parentId: `${list_}:${parentId}` } : {}),
    ...(address ? { address } : {}),
    notes,
  });
}

/**
 * A simple list CSV: `name` (required), `aliases` and `subsidiaries` separated by semicolons,
 * `former_names`, `chinese_names`, `section`, `date`/`date_added`/`effective_date`, `id`,
 * `parent_id`, `list`, `notes`, `address` (or the snapshot's `province_or_country`). The bundled UFLPA snapshot's own columns are this format.
 */
export function parseListCsv(
  text: string,
  source = "list.csv",
  defaultList: ListName = "uflpa",
): ListParseResult {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  const issues: Issue[] = parsed.errors.map((e) =>
    issue("list-csv/syntax", provenance(source, `row ${(e.row ?? 0) + 2}`), "", e.message),
  );
  const entries = parsed.data.flatMap((row, i) => rowEntry(row, defaultList, source, i + 2, issues) ?? []);
  return { entries: mergeListEntries(entries), issues };
}
