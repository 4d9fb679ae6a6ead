import { createHash } from "node:crypto";
import {
  diffListVersions,
  type ListEntry,
  type ListFormat,
  type ListName,
  parseListFile,
} from "../ingest/index.ts";
import { hasErrors, type Issue } from "../model/index.ts";
import { listsAtVersion } from "./current-lists.ts";
import { AppError } from "./errors.ts";
import type { ListVersion } from "./screening-records.ts";
import type { Store } from "./store.ts";

export interface ListUpdateInput {
  readonly text: string;
  /** File path or URL, as the user gave it. */
  readonly source: string;
  readonly format?: ListFormat;
  /** The list entries belong to when the file does not say (default `uflpa`). */
  readonly list?: ListName;
  /** Load the readable entries of a file with bad rows (the bad rows are reported). */
  readonly skipInvalid?: boolean;
  readonly loadedAt?: string;
}

interface EntryRef {
  readonly id: string;
  readonly name: string;
  readonly list: string;
  readonly sections: readonly string[];
}

/** `lists update --json`: what the new version changed against the one before. */
export interface ListChanges {
  readonly added: readonly EntryRef[];
  readonly removed: readonly EntryRef[];
  readonly renamed: readonly { readonly from: EntryRef; readonly to: EntryRef }[];
  readonly moved: readonly (EntryRef & {
    readonly from: readonly string[];
    readonly to: readonly string[];
  })[];
  readonly aliasesChanged: readonly (EntryRef & {
    readonly added: readonly string[];
    readonly removed: readonly string[];
  })[];
}

export interface ListUpdateResult {
  /** The version this load created; absent when the same file was already the latest. */
  readonly version?: ListVersion;
  readonly previous: number;
  readonly unchanged: boolean;
  readonly changes: ListChanges;
  readonly issues: readonly Issue[];
}

const ref = (e: ListEntry): EntryRef => ({ id: e.id, name: e.name, list: e.list, sections: e.sections });

function changesBetween(old: readonly ListEntry[], next: readonly ListEntry[]): ListChanges {
  const d = diffListVersions(old, next);
  return {
    added: d.added.map(ref),
    removed: d.removed.map(ref),
    renamed: d.renamed.map((r) => ({ from: ref(r.from), to: ref(r.to) })),
    moved: d.movedSections.map((m) => ({ ...ref(m.entry), from: m.from, to: m.to })),
    aliasesChanged: d.aliasesChanged.map((a) => ({ ...ref(a.entry), added: a.added, removed: a.removed })),
  };
}

const NO_CHANGES: ListChanges = { added: [], removed: [], renamed: [], moved: [], aliasesChanged: [] };

function parseOrFail(input: ListUpdateInput) {
  const parsed = parseListFile(input.text, input.source, {
    ...(input.format ? { format: input.format } : {}),
    ...(input.list ? { list: input.list } : {}),
  });
  if (hasErrors(parsed.issues) && !input.skipInvalid)
    throw new AppError("invalid-input", `${input.source}: the list has unreadable rows; nothing loaded`, {
      issues: parsed.issues,
    });
  if (parsed.entries.length === 0)
    throw new AppError("invalid-input", `${input.source}: no list entries found (read as ${parsed.format})`, {
      issues: parsed.issues,
    });
  return parsed;
}

/**
 * Loads a list file as a new dated version: the lists it holds (UFLPA, WRO) replace those of the
 * latest version, the others carry over. Returns what changed, entity by entity.
 */
export async function updateLists(store: Store, input: ListUpdateInput): Promise<ListUpdateResult> {
  const parsed = parseOrFail(input);
  const sha256 = createHash("sha256").update(input.text).digest("hex");
  const current = await listsAtVersion(store);
  const latest = (await store.listVersions()).at(-1);
  if (latest?.sha256 === sha256)
    return { previous: current.version, unchanged: true, changes: NO_CHANGES, issues: parsed.issues };
  const lists = [...new Set(parsed.entries.map((e) => e.list))].sort();
  const replaced = current.entries.filter((e) => lists.includes(e.list));
  const entries = [...current.entries.filter((e) => !lists.includes(e.list)), ...parsed.entries];
  const asOf = parsed.entries
    .map((e) => e.effectiveDate ?? "")
    .sort()
    .at(-1);
  const version = await store.addListVersion(
    {
      loadedAt: input.loadedAt ?? new Date().toISOString(),
      source: input.source,
      format: parsed.format,
      sha256,
      lists,
      ...(asOf ? { asOf } : {}),
      entryCount: entries.length,
    },
    entries,
  );
  return {
    version,
    previous: current.version,
    unchanged: false,
    changes: changesBetween(replaced, parsed.entries),
    issues: parsed.issues,
  };
}
