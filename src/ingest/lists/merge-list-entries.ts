import type { ListEntry } from "./list-entry.ts";

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeTwo(a: ListEntry, b: ListEntry): ListEntry {
  const sections = union(a.sections, b.sections);
  const dates = [a.effectiveDate, b.effectiveDate].filter((d): d is string => d !== undefined).sort();
  const parentId = a.parentId ?? b.parentId;
  const section = a.section ?? b.section;
  const address = a.address ?? b.address;
  return {
    ...a,
    aliases: union(a.aliases, b.aliases).filter((x) => x !== a.name),
    formerNames: union(a.formerNames, b.formerNames),
    chineseNames: union(a.chineseNames, b.chineseNames),
    ...(address ? { address } : {}),
    ...(section ? { section } : {}),
    sections,
    ...(dates[0] ? { effectiveDate: dates[0] } : {}),
    subsidiaries: union(a.subsidiaries, b.subsidiaries),
    includesSubordinates: a.includesSubordinates || b.includesSubordinates,
    ...(parentId ? { parentId } : {}),
    notes: union(a.notes, b.notes),
  };
}

/**
 * One entry per id: an entity listed in two sections (Daqo on (i) and (v)), or named both as a
 * row and as another row's subsidiary, becomes one entry with both sections. Order of first
 * appearance is kept.
 */
export function mergeListEntries(entries: readonly ListEntry[]): ListEntry[] {
  const byId = new Map<string, ListEntry>();
  for (const e of entries) {
    const seen = byId.get(e.id);
    byId.set(e.id, seen ? mergeTwo(seen, e) : e);
  }
  return [...byId.values()];
}
