import type { Identifier } from "../../model/index.ts";
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

interface IndexedName {
  readonly entry: number;
  readonly name: NormalisedName;
}

/** An inverted index over tokens, pinyin syllables, character trigrams and identifiers. */
export interface NameIndex {
  readonly entries: readonly NameEntry[];
  readonly names: readonly IndexedName[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Inverse document frequency of each token text, over names. */
  readonly idf: ReadonlyMap<string, number>;
  readonly maxIdf: number;
}

function trigrams(text: string): string[] {
  const padded = `_${text}_`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

const IDENTIFYING = new Set(["name", "generic", "number", "initial"]);

/** Index keys of one token: its spellings, its pinyin syllables and (for names) trigrams. */
function tokenKeys(t: NameToken): string[] {
  const keys = [`t:${t.text}`, ...t.forms.map((f) => `t:${f}`)];
  for (const s of t.syllables ?? []) keys.push(`s:${s}`);
  if (IDENTIFYING.has(t.role)) for (const g of trigrams(t.text)) keys.push(`g:${g}`);
  if (t.region) keys.push(`r:${t.region.code.slice(0, 2)}`);
  return keys;
}

export function identifierKey(id: Identifier): string {
  return `i:${id.scheme}:${id.value.replace(/[\s-]/g, "").toUpperCase()}`;
}

function keysOf(name: NormalisedName): Set<string> {
  return new Set(name.tokens.flatMap(tokenKeys));
}

/** Builds the index; each name is normalised once here and never again. */
export function buildNameIndex(entries: readonly NameEntry[]): NameIndex {
  const names: IndexedName[] = [];
  const postings = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const [entry, item] of entries.entries()) {
    for (const raw of item.names) {
      const name = normaliseName(raw, item.kind ? { kind: item.kind } : {});
      const id = names.length;
      names.push({ entry, name });
      for (const key of keysOf(name)) add(key, id);
      for (const identifier of item.identifiers ?? []) add(identifierKey(identifier), id);
    }
  }
  const idf = new Map<string, number>();
  let maxIdf = 0;
  for (const [key, list] of postings) {
    if (!key.startsWith("t:")) continue;
    const value = Math.log((names.length + 1) / list.length);
    idf.set(key.slice(2), value);
    maxIdf = Math.max(maxIdf, value);
  }
  return { entries, names, postings, idf, maxIdf };
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
  const scores = new Map<number, number>();
  const keys = [...keysOf(query), ...identifiers.map(identifierKey)];
  for (const key of keys) {
    const list = index.postings.get(key);
    if (!list) continue;
    const weight = (KEY_WEIGHT[key.charAt(0)] ?? 0) * (1 + Math.log((index.names.length + 1) / list.length));
    for (const id of list) scores.set(id, (scores.get(id) ?? 0) + weight);
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([id]) => id);
}

/** Candidate entries: the entries of the best-ranked names, best first, at most `k`. */
export function candidates(
  index: NameIndex,
  query: NormalisedName,
  k: number,
  identifiers: readonly Identifier[] = [],
): number[] {
  const entries = candidateNames(index, query, k * 3, identifiers).map((id) => index.names[id]?.entry ?? -1);
  return [...new Set(entries)].slice(0, k);
}
