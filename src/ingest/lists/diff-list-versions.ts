import { type ListEntry, normaliseListName } from "./list-entry.ts";

export interface ListDiff {
  readonly added: readonly ListEntry[];
  readonly removed: readonly ListEntry[];
  readonly renamed: readonly { readonly from: ListEntry; readonly to: ListEntry }[];
  readonly movedSections: readonly {
    readonly entry: ListEntry;
    readonly from: readonly string[];
    readonly to: readonly string[];
  }[];
  readonly aliasesChanged: readonly {
    readonly entry: ListEntry;
    readonly added: readonly string[];
    readonly removed: readonly string[];
  }[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function allNames(e: ListEntry): string[] {
  return [e.name, ...e.aliases, ...e.formerNames].map(normaliseListName);
}

/** Pairs old and new entries by id, then by normalised name; a new entry whose former names or aliases hold an old name is a rename. */
function pair(old: readonly ListEntry[], next: readonly ListEntry[]) {
  const pairs: [ListEntry, ListEntry][] = [];
  const unmatchedNew = new Set(next);
  const unmatchedOld: ListEntry[] = [];
  const byId = new Map(next.map((e) => [e.id, e]));
  const byName = new Map(next.map((e) => [normaliseListName(e.name), e]));
  for (const o of old) {
    const n = [byId.get(o.id), byName.get(normaliseListName(o.name))].find((x) => x && unmatchedNew.has(x));
    if (n) {
      pairs.push([o, n]);
      unmatchedNew.delete(n);
    } else unmatchedOld.push(o);
  }
  const renamed: [ListEntry, ListEntry][] = [];
  const removed = unmatchedOld.filter((o) => {
    const n = [...unmatchedNew].find(
      (x) =>
        allNames(x).includes(normaliseListName(o.name)) || allNames(o).includes(normaliseListName(x.name)),
    );
    if (!n) return true;
    renamed.push([o, n]);
    unmatchedNew.delete(n);
    return false;
  });
  return { pairs: [...pairs, ...renamed], renamed, removed, added: [...unmatchedNew] };
}

function aliasChange(o: ListEntry, n: ListEntry) {
  const before = new Set([...o.aliases, ...o.formerNames].map(normaliseListName));
  const after = new Set([...n.aliases, ...n.formerNames].map(normaliseListName));
  const added = [...n.aliases, ...n.formerNames].filter(
    (a) => !before.has(normaliseListName(a)) && normaliseListName(a) !== normaliseListName(o.name),
  );
  const removed = [...o.aliases, ...o.formerNames].filter(
    (a) => !after.has(normaliseListName(a)) && normaliseListName(a) !== normaliseListName(n.name),
  );
  return added.length + removed.length > 0 ? { entry: n, added, removed } : undefined;
}

/**
 * What changed between two versions of a list: entities added, removed, renamed (the new name
 * carries the old one as a former name or alias, or the id is the same), moved between sections,
 * and aliases or former names added or dropped.
 */
export function diffListVersions(old: readonly ListEntry[], next: readonly ListEntry[]): ListDiff {
  const { pairs, renamed, removed, added } = pair(old, next);
  const isRename = (o: ListEntry, n: ListEntry) => normaliseListName(o.name) !== normaliseListName(n.name);
  return {
    added,
    removed,
    renamed: [...pairs.filter(([o, n]) => isRename(o, n) && !renamed.some(([r]) => r === o)), ...renamed].map(
      ([from, to]) => ({ from, to }),
    ),
    movedSections: pairs
      .filter(([o, n]) => !sameSet(o.sections, n.sections))
      .map(([o, n]) => ({ entry: n, from: o.sections, to: n.sections })),
    aliasesChanged: pairs.flatMap(([o, n]) => aliasChange(o, n) ?? []),
  };
}
