import { issue, provenance } from "../../model/index.ts";
import {
  type Issue,
  type ListEntry,
  type ListParseResult,
  listEntry,
  listEntryId,
  parseUflpaSection,
} from "./list-entry.ts";
import { mergeListEntries } from "./merge-list-entries.ts";
import { parseDhsDate } from "./parse-dhs-date.ts";
import { parseEntityProse } from "./parse-entity-prose.ts";

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  ldquo: "“",
  rdquo: "”",
  ndash: "–",
  mdash: "—",
};

/** Tag-free text with entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === "#")
        return String.fromCodePoint(
          e[1]?.toLowerCase() === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
      return ENTITIES[e.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

interface Table {
  readonly section?: string;
  readonly rows: readonly (readonly string[])[];
  readonly offset: number;
}

function tableRows(body: string): string[][] {
  return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...(r[1] ?? "").matchAll(/<t([dh])\b[^>]*>([\s\S]*?)<\/t\1>/gi)].map((c) => htmlText(c[2] ?? "")),
  );
}

/** The section a heading, paragraph or caption names, if it names one ("Section 2(d)(2)(B)(v): …"). */
function sectionIn(html: string): string | undefined {
  if (!/2\s*\(d\)/i.test(html)) return undefined;
  return parseUflpaSection(htmlText(html).split(":")[0] ?? "");
}

/** Tables in document order, each with the section its caption or nearest preceding heading names. */
function readTables(html: string): Table[] {
  const tables: Table[] = [];
  let lastHeading: string | undefined;
  const BLOCK = /<(h[1-6]|caption|p|strong|table)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (const m of html.matchAll(BLOCK)) {
    const body = m[2] ?? "";
    if ((m[1] ?? "").toLowerCase() !== "table") {
      lastHeading = sectionIn(body) ?? lastHeading;
      continue;
    }
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(body);
    const section = (caption ? sectionIn(caption[1] ?? "") : undefined) ?? lastHeading;
    tables.push({ ...(section ? { section } : {}), rows: tableRows(body), offset: m.index });
  }
  return tables;
}

function columns(header: readonly string[]): { name: number; date: number } {
  const name = header.findIndex((h) => /entity|name/i.test(h));
  const date = header.findIndex((h) => /date/i.test(h));
  return { name: Math.max(name, 0), date: date < 0 ? 1 : date };
}

function rowEntries(cells: readonly string[], section: string, source: string, locator: string): ListEntry[] {
  const prose = parseEntityProse(cells[0] ?? "");
  const prov = provenance(source, locator);
  const effectiveDate = parseDhsDate(cells[1] ?? "");
  const parentId = listEntryId("uflpa", prose.name);
  const parent = listEntry("uflpa", prose.name, prov, {
    aliases: prose.aliases,
    formerNames: prose.formerNames,
    section,
    ...(effectiveDate ? { effectiveDate } : {}),
    subsidiaries: prose.subsidiaries,
    includesSubordinates: prose.includesSubordinates,
  });
  const subs = prose.subsidiaries.map((s) =>
    listEntry("uflpa", s, prov, {
      section,
      ...(effectiveDate ? { effectiveDate } : {}),
      parentId,
      notes: [`named in the listing as a subsidiary of ${prose.name}`],
    }),
  );
  return [parent, ...subs];
}

function tableEntries(t: Table, ti: number, source: string, issues: Issue[]): ListEntry[] {
  const header = t.rows.find((r) => r.some((c) => /entity|date/i.test(c)));
  const col = columns(header ?? []);
  const out: ListEntry[] = [];
  t.rows.forEach((r, ri) => {
    if (r === header || r.every((c) => !c)) return;
    const locator = `table ${ti + 1}, row ${ri + 1}`;
    const cells = [r[col.name] ?? "", r[col.date] ?? ""];
    if (!cells[0]) {
      issues.push(
        issue("uflpa-html/empty-name", provenance(source, locator), "name", "row without an entity name"),
      );
      return;
    }
    if (!parseDhsDate(cells[1] ?? ""))
      issues.push(
        issue(
          "uflpa-html/bad-date",
          provenance(source, locator),
          "effectiveDate",
          `unreadable effective date "${cells[1]}"`,
          "warning",
        ),
      );
    out.push(...rowEntries(cells, t.section ?? "", source, locator));
  });
  return out;
}

/**
 * The DHS UFLPA Entity List page saved as HTML: one table per section (caption or heading names
 * 2(d)(2)(B)(i)/(ii)/(iv)/(v)), columns entity name and effective date, aliases, former names and
 * subsidiaries written as prose in the name cell. Regex-based on purpose: saved pages are rarely
 * well-formed XML, and only tables, rows, cells and headings matter.
 */
export function parseDhsUflpaHtml(html: string, source = "dhs-uflpa.html"): ListParseResult {
  const issues: Issue[] = [];
  const entries = readTables(html).flatMap((t, ti) => {
    if (!t.section) {
      issues.push(
        issue(
          "uflpa-html/no-section",
          provenance(source, `table ${ti + 1}`),
          "section",
          "table with no 2(d)(2)(B) section in its caption or heading",
        ),
      );
      return [];
    }
    return tableEntries(t, ti, source, issues);
  });
  if (entries.length === 0)
    issues.push(issue("uflpa-html/no-entries", provenance(source, "document"), "", "no entity table found"));
  return { entries: mergeListEntries(entries), issues };
}
