import type { Identifier } from "../../model/index.ts";
import { CandidateScores } from "./candidate-scores.ts";
import type { NameKind, NameToken } from "./name-token.ts";
import { type NormalisedName, normaliseName } from "./normalise-name.ts";

/** One list entity and every name it goes by. */
export interface NameEntry {
  readonly id: string;
  readonly names: readonly string[];
  readonly kind?: NameKind;
  readonly country?: string;
  readonly identifiers?: readonly Identifier[];
}

/**
 * An inverted index over tokens, pinyin syllables, character trigrams and identifiers. Names are
 * kept as written with their entry; their normalised form is kept for small lists and
 * recomputed (and remembered for a while) for large ones, where keeping every token object would
 * cost gigabytes.
 */
export interface NameIndex {
  readonly entries: readonly NameEntry[];
  /** Every indexed name as written. */
  readonly names: readonly string[];
  /** The entry (position in `entries`) of each name. */
  readonly entryOf: Int32Array;
  /** Name positions per key, ascending. */
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** Inverse document frequency of each token text, over names. */
  readonly idf: ReadonlyMap<string, number>;
  readonly maxIdf: number;
  /** Normalised names by position: all of them for small lists, the recently used ones otherwise. */
  readonly normalised: Map<number, NormalisedName>;
  /** Reusable accumulator for candidate retrieval. */
  readonly scores: CandidateScores;
}

/** Lists up to this many names keep every normalised name; larger ones keep this many recent ones. */
const KEPT_NAMES = 50_000;

function trigrams(text: string, out: string[]): void {
  const padded = `_${text}_`;
  for (let i = 0; i + 3 <= padded.length; i++) out.push(`g:${padded.slice(i, i + 3)}`);
}

const IDENTIFYING = new Set(["name", "generic", "number", "initial"]);

/** Index keys of one token: its spellings, its pinyin syllables and (for names) trigrams. */
function tokenKeys(t: NameToken, out: string[]): void {
  out.push(`t:${t.text}`);
  for (const f of t.forms) out.push(`t:${f}`);
  for (const s of t.syllables ?? []) out.push(`s:${s}`);
  if (IDENTIFYING.has(t.role)) trigrams(t.text, out);
  if (t.region) out.push(`r:${t.region.code.slice(0, 2)}`);
}

export function identifierKey(id: Identifier): string {
  return `i:${id.scheme}:${id.value.replace(/[\s-]/g, "").toUpperCase()}`;
}

function keysOf(name: NormalisedName): Set<string> {
  const out: string[] = [];
  for (const t of name.tokens) tokenKeys(t, out);
  return new Set(out);
}

function kindOption(entry: NameEntry | undefined): { kind?: NameKind } {
  return entry?.kind ? { kind: entry.kind } : {};
}

function frozen(postings: Map<string, number[]>): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  for (const [key, list] of postings) out.set(key, Int32Array.from(list));
  return out;
}

function idfOf(
  postings: ReadonlyMap<string, Int32Array>,
  names: number,
): { idf: Map<string, number>; maxIdf: number } {
  const idf = new Map<string, number>();
  let maxIdf = 0;
  for (const [key, list] of postings) {
    if (!key.startsWith("t:")) continue;
    const value = Math.log((names + 1) / list.length);
    idf.set(key.slice(2), value);
    maxIdf = Math.max(maxIdf, value);
  }
  return { idf, maxIdf };
}

/** Builds the index: each name is normalised once here; small lists keep the result. */
export function buildNameIndex(entries: readonly NameEntry[]): NameIndex {
  const names: string[] = [];
  const entryOf: number[] = [];
  const normalised = new Map<number, NormalisedName>();
  const postings = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const [entry, item] of entries.entries()) {
    for (const raw of item.names) {
      const name = normaliseName(raw, kindOption(item));
      const id = names.length;
      names.push(raw);
      entryOf.push(entry);
      if (normalised.size < KEPT_NAMES) normalised.set(id, name);
      for (const key of keysOf(name)) add(key, id);
      for (const identifier of item.identifiers ?? []) add(identifierKey(identifier), id);
    }
  }
  const lists = frozen(postings);
  postings.clear();
  return {
    entries,
    names,
    entryOf: Int32Array.from(entryOf),
    postings: lists,
    ...idfOf(lists, names.length),
    normalised,
    scores: new CandidateScores(names.length),
  };
}

/** The normalised form of an indexed name, recomputed and remembered when it was not kept. */
export function indexedName(index: NameIndex, id: number): NormalisedName {
  const known = index.normalised.get(id);
  if (known) return known;
  const name = normaliseName(index.names[id] ?? "", kindOption(index.entries[index.entryOf[id] ?? -1]));
  if (index.normalised.size >= KEPT_NAMES) {
    const oldest = index.normalised.keys().next().value;
    if (oldest !== undefined) index.normalised.delete(oldest);
  }
  index.normalised.set(id, name);
  return name;
}

/**
 * A rarity weight in [0.5, 1.5] for a name token: a word on many list names ("huafu" on 25
 * subsidiaries) weighs less than one on a single name. Unknown words count as rare.
 */
export function rarityOf(index: NameIndex, t: NameToken): number | undefined {
  if (t.role !== "name" || index.maxIdf === 0) return undefined;
  const idf = index.idf.get(t.text) ?? index.maxIdf;
  return 0.5 + idf / index.maxIdf;
}

const KEY_WEIGHT: Readonly<Record<string, number>> = { t: 1, s: 0.4, g: 0.15, r: 0.05, i: 100 };

/**
 * Candidate retrieval over names: each indexed name is ranked by the summed weight of the index
 * keys it shares with the query (identifiers dominate); the best `k` names, best first.
 */
export function candidateNames(
  index: NameIndex,
  query: NormalisedName,
  k: number,
  identifiers: readonly Identifier[] = [],
): number[] {
  const keys = [...keysOf(query), ...identifiers.map(identifierKey)];
  const lists: { list: Int32Array; weight: number }[] = [];
  for (const key of keys) {
    const list = index.postings.get(key);
    if (!list) continue;
    const weight = (KEY_WEIGHT[key.charAt(0)] ?? 0) * (1 + Math.log((index.names.length + 1) / list.length));
    lists.push({ list, weight });
  }
  return index.scores.rank(lists, k);
}

/** Candidate entries: the entries of the best-ranked names, best first, at most `k`. */
export function candidates(
  index: NameIndex,
  query: NormalisedName,
  k: number,
  identifiers: readonly Identifier[] = [],
): number[] {
  const entries = candidateNames(index, query, k * 3, identifiers).map((id) => index.entryOf[id] ?? -1);
  return [...new Set(entries)].slice(0, k);
}
