import type { Issue, Provenance } from "../../model/index.ts";

export type ListName = "uflpa" | "wro";

/** UFLPA Entity List sections as DHS labels them; WRO rows use "WRO" or "Finding". */
export type UflpaSection = "2(d)(2)(B)(i)" | "2(d)(2)(B)(ii)" | "2(d)(2)(B)(iv)" | "2(d)(2)(B)(v)";

/** One listed entity (or a subsidiary the listing names), as every list format is read into. */
export interface ListEntry {
  readonly typeName: "list-entry";
  /** Stable within a list: the source's own id when it has one, else `list:normalised-name`. */
  readonly id: string;
  readonly list: ListName;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly formerNames: readonly string[];
  readonly chineseNames: readonly string[];
  /** Where the listing places the entity, as the source writes it ("Xinjiang (Changji Prefecture)", a street address). */
  readonly address?: string;
  /** The first section the entity is listed under; `sections` has them all (Daqo is on (i) and (v)). */
  readonly section?: string;
  readonly sections: readonly string[];
  /** ISO date (YYYY-MM-DD) the listing took effect. */
  readonly effectiveDate?: string;
  /** Subsidiaries the listing names (each is also an entry of its own, with `parentId`). */
  readonly subsidiaries: readonly string[];
  /** "… and its subordinate and affiliated entities": unnamed subordinates are covered too. */
  readonly includesSubordinates: boolean;
  readonly parentId?: string;
  readonly notes: readonly string[];
  readonly provenance: Provenance;
}

/** What every list parser returns: entries, and the rows it could not read as issues. */
export interface ListParseResult {
  readonly entries: readonly ListEntry[];
  readonly issues: readonly Issue[];
}

/** Folds a name for comparison: NFKC, case, punctuation and spacing. */
export function normaliseListName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** `uflpa:xinjiang-production-and-construction-corps`. */
export function listEntryId(list: ListName, name: string): string {
  return `${list}:${normaliseListName(name).replace(/ /g, "-")}`;
}

type EntryFields = Partial<Omit<ListEntry, "typeName" | "id" | "list" | "name" | "provenance">> & {
  readonly id?: string;
};

/** Fills the defaults (empty lists, id from the name) so parsers state only what they read. */
export function listEntry(
  list: ListName,
  name: string,
  provenance: Provenance,
  f: EntryFields = {},
): ListEntry {
  const sections = f.sections ?? (f.section ? [f.section] : []);
  const section = f.section ?? sections[0];
  return {
    typeName: "list-entry",
    id: f.id ?? listEntryId(list, name),
    list,
    name,
    aliases: f.aliases ?? [],
    formerNames: f.formerNames ?? [],
    chineseNames: f.chineseNames ?? [],
    ...(f.address ? { address: f.address } : {}),
    ...(section ? { section } : {}),
    sections,
    ...(f.effectiveDate ? { effectiveDate: f.effectiveDate } : {}),
    subsidiaries: f.subsidiaries ?? [],
    includesSubordinates: f.includesSubordinates ?? false,
    ...(f.parentId ? { parentId: f.parentId } : {}),
    notes: f.notes ?? [],
    provenance,
  };
}

/** Reads "Section 2(d)(2)(B)(v)", "(v)" or "2(d)(2)(b)(V)" as "2(d)(2)(B)(v)". */
export function parseUflpaSection(raw: string): UflpaSection | undefined {
  const m = /(?:2\s*\(\s*d\s*\)\s*\(\s*2\s*\)\s*\(\s*b\s*\)\s*)?\(\s*(iv|v|ii|i)\s*\)\s*$/i.exec(raw.trim());
  const full = /2\s*\(\s*d\s*\)\s*\(\s*2\s*\)\s*\(\s*b\s*\)\s*\(\s*(iv|v|ii|i)\s*\)/i.exec(raw);
  const roman = (full?.[1] ?? m?.[1])?.toLowerCase();
  return roman ? (`2(d)(2)(B)(${roman})` as UflpaSection) : undefined;
}

export type { Issue };
