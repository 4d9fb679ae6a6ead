import type { ListEntry } from "../ingest/index.ts";
import { AppError } from "./errors.ts";
import type { ListingPage } from "./record-listings.ts";
import { checkName, type Screener } from "./screener.ts";

export interface ListEntrySearch {
  /** A name or part of one, in any script; absent: every entry in id order. */
  readonly q?: string;
  readonly list?: string;
  readonly section?: string;
  readonly limit: number;
  /** The `next` of the previous page. */
  readonly after?: string;
}

export interface FoundListEntry {
  readonly entry: ListEntry;
  /** The matcher's score for `q` (0 when only the text search found it); absent without `q`. */
  readonly score?: number;
  /** The entry's name (or alias, former or Chinese name) that `q` found. */
  readonly matchedName?: string;
}

/** A matcher candidate below this is noise for a person searching ("Century Sunshine" for "Hoshine"). */
const MIN_MATCHER_SCORE = 0.15;

/** NFKC, no accents, lower case, punctuation as spaces: "Co., Ltd." and "co ltd" meet. */
function folded(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function namesOf(e: ListEntry): readonly string[] {
  return [e.name, ...e.aliases, ...e.formerNames, ...e.chineseNames];
}

/** Each entry's names folded once (the screener keeps its entries for its list version): folding was most of a search's time. */
const foldedNames = new WeakMap<ListEntry, readonly (readonly [string, string])[]>();

function foldedNamesOf(e: ListEntry): readonly (readonly [string, string])[] {
  let names = foldedNames.get(e);
  if (names === undefined) {
    names = namesOf(e).map((n) => [n, folded(n)] as const);
    foldedNames.set(e, names);
  }
  return names;
}

interface Ranked extends FoundListEntry {
  /** 3: a name is the query; 2: a name contains it; 1: the matcher alone found it. */
  readonly tier: number;
}

/** 3: a name (or the id) is the query; 2: a name contains it; 0: neither. */
function textTier(entry: ListEntry, needle: string, raw: string): { tier: number; name?: string } {
  if (entry.id === raw) return { tier: 3, name: entry.name };
  let best: { tier: number; name?: string } = { tier: 0 };
  if (needle === "") return best;
  for (const [name, f] of foldedNamesOf(entry)) {
    const tier = f === needle ? 3 : f.includes(needle) ? 2 : 0;
    if (tier > best.tier) best = { tier, name };
  }
  return best;
}

function rank(screener: Screener, entries: readonly ListEntry[], q: string): Ranked[] {
  const needle = folded(q);
  const scored = new Map(
    checkName(screener, { name: q })
      .results.filter((r) => r.score >= MIN_MATCHER_SCORE)
      .map((r) => [r.entityId, r]),
  );
  const ranked: Ranked[] = [];
  for (const entry of entries) {
    const match = scored.get(entry.id);
    const text = textTier(entry, needle, q.trim());
    const tier = Math.max(text.tier, match ? 1 : 0);
    const matchedName = text.tier > 1 ? text.name : match?.matchedName;
    if (tier > 0)
      ranked.push({
        entry,
        tier,
        score: match?.score ?? 0,
        ...(matchedName === undefined ? {} : { matchedName }),
      });
  }
  return ranked.sort(
    (a, b) =>
      b.tier - a.tier ||
      (b.score ?? 0) - (a.score ?? 0) ||
      (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0),
  );
}

function offsetOf(after: string | undefined): number {
  if (after === undefined) return 0;
  const n = Number(after);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError(
      "invalid-input",
      "the cursor is not one this API gave out (pass nextCursor unchanged)",
    );
  return n;
}

/**
 * List entries of the screener's list version for a reviewer picking one: by name or alias in any
 * script (the matcher's index finds "华孚" and "Hua Fu" for "Huafu Fashion"; a folded substring
 * search finds every "Xinjiang …"), best first: a name equal to the query, then names containing
 * it, then what only the matcher found, each by the matcher's score. Without `q`, in id order.
 * Pages are offsets into that order: the list version rarely changes under a reviewer.
 */
export function searchListEntries(screener: Screener, search: ListEntrySearch): ListingPage<FoundListEntry> {
  const entries = [...screener.entries.values()].filter(
    (e) =>
      (search.list === undefined || e.list === search.list) &&
      (search.section === undefined || e.sections.includes(search.section)),
  );
  const q = search.q?.trim();
  const found: FoundListEntry[] =
    q === undefined || q === ""
      ? entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((entry) => ({ entry }))
      : rank(screener, entries, q).map(({ tier: _tier, ...rest }) => rest);
  const start = offsetOf(search.after);
  const items = found.slice(start, start + search.limit);
  const end = start + items.length;
  return { items, next: end < found.length ? String(end) : null };
}
