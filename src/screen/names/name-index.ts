import type { Identifier } from "../../model/index.ts";
import { CandidateScores } from "./candidate-scores.ts";
import type { NameKind, NameToken } from "./name-token.ts";
import { type NormalisedName, normaliseNameOnce } from "./normalise-name.ts";

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

const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;

/** Grows in fixed blocks, so a stream of tens of millions of key numbers is never copied whole. */
class IntStream {
  private readonly blocks: Int32Array[] = [new Int32Array(BLOCK)];
  length = 0;

  push(value: number): void {
    const block = this.length >> BLOCK_BITS;
    if (block === this.blocks.length) this.blocks.push(new Int32Array(BLOCK));
    (this.blocks[block] as Int32Array)[this.length & (BLOCK - 1)] = value;
    this.length++;
  }

  at(index: number): number {
    return (this.blocks[index >> BLOCK_BITS] as Int32Array)[index & (BLOCK - 1)] as number;
  }
}

/**
 * Posting lists built without a JavaScript array per key: keys are numbered as first met, each
 * name's key numbers go to one stream, and a counting pass lays every list out in one typed
 * array. Lists come out ascending and without repeats, in the order their keys were first met.
 */
class PostingsBuilder {
  readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly stream = new IntStream();
  /** Where each name's key numbers start in the stream. */
  private readonly starts: number[] = [];
  /** The last name each key was added for, plus one, to drop repeats within a name. */
  private lastName = new Int32Array(1024);
  private name = -1;

  keyNumber(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, number);
      if (number >= this.lastName.length) {
        const grown = new Int32Array(this.lastName.length * 2);
        grown.set(this.lastName);
        this.lastName = grown;
      }
    }
    return number;
  }

  startName(id: number): void {
    this.name = id;
    this.starts[id] = this.stream.length;
  }

  add(key: number): void {
    if (this.lastName[key] === this.name + 1) return;
    this.lastName[key] = this.name + 1;
    this.stream.push(key);
  }

  finish(names: number): Map<string, Int32Array> {
    const { stream, starts, keys } = this;
    const counts = new Int32Array(keys.length + 1);
    for (let at = 0; at < stream.length; at++) {
      const key = stream.at(at) + 1;
      counts[key] = (counts[key] as number) + 1;
    }
    for (let k = 1; k < counts.length; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
    const all = new Int32Array(stream.length);
    const fill = counts.slice(0, keys.length);
    for (let name = 0; name < names; name++) {
      const end = name + 1 < names ? (starts[name + 1] as number) : stream.length;
      for (let at = starts[name] as number; at < end; at++) {
        const key = stream.at(at);
        const slot = fill[key] as number;
        all[slot] = name;
        fill[key] = slot + 1;
      }
    }
    const out = new Map<string, Int32Array>();
    for (let k = 0; k < keys.length; k++)
      out.set(keys[k] as string, all.subarray(counts[k] as number, counts[k + 1] as number));
    this.numbers.clear();
    return out;
  }
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

function sameTexts(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Whether two tokens give the same index keys (see `tokenKeys`), in the same order. */
function sameKeys(a: NameToken, b: NameToken): boolean {
  if (IDENTIFYING.has(a.role) !== IDENTIFYING.has(b.role)) return false;
  if (!sameTexts(a.forms, b.forms) || !sameTexts(a.syllables, b.syllables)) return false;
  if (a.region === b.region) return true;
  return (
    a.region !== undefined &&
    b.region !== undefined &&
    a.region.code.slice(0, 2) === b.region.code.slice(0, 2)
  );
}

/**
 * Key numbers of tokens, worked out once per token object and, because names read apart give
 * equal tokens that are not the same object (a trade name closed up from its syllables), once per
 * token content: by text, then by the fields that make keys.
 */
class TokenKeyNumbers {
  private readonly byObject = new WeakMap<NameToken, Int32Array>();
  private readonly byText = new Map<string, { token: NameToken; numbers: Int32Array }[]>();

  constructor(private readonly builder: PostingsBuilder) {}

  of(t: NameToken): Int32Array {
    let numbers = this.byObject.get(t);
    if (numbers) return numbers;
    let same = this.byText.get(t.text);
    for (const known of same ?? [])
      if (sameKeys(known.token, t)) {
        numbers = known.numbers;
        break;
      }
    if (!numbers) {
      const keys: string[] = [];
      tokenKeys(t, keys);
      numbers = Int32Array.from(keys, (key) => this.builder.keyNumber(key));
      if (!same) {
        same = [];
        this.byText.set(t.text, same);
      }
      same.push({ token: t, numbers });
    }
    this.byObject.set(t, numbers);
    return numbers;
  }
}

function addTokens(name: NormalisedName, builder: PostingsBuilder, known: TokenKeyNumbers): void {
  for (const t of name.tokens) for (const key of known.of(t)) builder.add(key);
}

/** Builds the index: each name is normalised once here; small lists keep the result. */
export function buildNameIndex(entries: readonly NameEntry[]): NameIndex {
  const names: string[] = [];
  const entryOf: number[] = [];
  const normalised = new Map<number, NormalisedName>();
  const builder = new PostingsBuilder();
  const known = new TokenKeyNumbers(builder);
  for (const [entry, item] of entries.entries()) {
    const options = kindOption(item);
    let identifiers: number[] | undefined;
    for (const raw of item.names) {
      const name = normaliseNameOnce(raw, options);
      const id = names.length;
      names.push(raw);
      entryOf.push(entry);
      if (normalised.size < KEPT_NAMES) normalised.set(id, name);
      builder.startName(id);
      addTokens(name, builder, known);
      // Numbered after the first name's own keys, as they are first met.
      identifiers ??= (item.identifiers ?? []).map((identifier) =>
        builder.keyNumber(identifierKey(identifier)),
      );
      for (const key of identifiers) builder.add(key);
    }
  }
  const lists = builder.finish(names.length);
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
  const name = normaliseNameOnce(index.names[id] ?? "", kindOption(index.entries[index.entryOf[id] ?? -1]));
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
