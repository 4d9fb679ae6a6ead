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

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Grows in fixed blocks, so a stream of tens of millions of key numbers is never copied whole
 * (and a part of a few thousand names built in a worker costs a block or two, not megabytes).
 */
class IntStream {
  readonly blocks: Int32Array[] = [new Int32Array(BLOCK)];
  length = 0;

  push(value: number): void {
    const block = this.length >> BLOCK_BITS;
    if (block === this.blocks.length) this.blocks.push(new Int32Array(BLOCK));
    (this.blocks[block] as Int32Array)[this.length & (BLOCK - 1)] = value;
    this.length++;
  }
}

/**
 * The index keys of a run of entries (`from` to `to`, ends excluded), as key numbers of the
 * `IndexKeyer` that read them: each name's numbers in `blocks` (`BLOCK` numbers a block, the last
 * one partly filled), where name `i` of the run ends at `ends[i]`. Plain typed arrays, so a part
 * read in a worker thread is handed over without copying.
 */
export interface IndexPart {
  readonly from: number;
  readonly to: number;
  readonly blocks: readonly Int32Array[];
  readonly ends: Int32Array;
}

/**
 * Reads entries into index keys, numbering keys as first met: each name's key numbers go to one
 * stream (no JavaScript array per key), repeats within a name dropped. One keyer reads runs of
 * entries in ascending order; several keyers (worker threads) can share the runs of one list,
 * and `joinIndexParts` renumbers their keys in list order.
 */
export class IndexKeyer {
  readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** The last name each key was added for, plus one, to drop repeats within a name. */
  private lastName = new Int32Array(1024);
  private name = -1;
  private stream = new IntStream();
  private readonly known = new TokenKeyNumbers(this);

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

  private add(key: number): void {
    if (this.lastName[key] === this.name + 1) return;
    this.lastName[key] = this.name + 1;
    this.stream.push(key);
  }

  /**
   * Reads entries `from` to `to`; `firstName` is the list position of entry `from`'s first name.
   * `keep` receives each normalised name (the index keeps them for small lists).
   */
  read(
    entries: readonly NameEntry[],
    from: number,
    to: number,
    firstName: number,
    keep?: (id: number, name: NormalisedName) => void,
  ): IndexPart {
    this.stream = new IntStream();
    const ends: number[] = [];
    let id = firstName;
    for (let entry = from; entry < to; entry++) {
      const item = entries[entry] as NameEntry;
      const options = kindOption(item);
      let identifiers: number[] | undefined;
      for (const raw of item.names) {
        const name = normaliseNameOnce(raw, options);
        keep?.(id, name);
        this.name = id;
        for (const t of name.tokens) for (const key of this.known.of(t)) this.add(key);
        // Numbered after the first name's own keys, as they are first met.
        identifiers ??= (item.identifiers ?? []).map((identifier) =>
          this.keyNumber(identifierKey(identifier)),
        );
        for (const key of identifiers) this.add(key);
        ends.push(this.stream.length);
        id++;
      }
    }
    const blocks = this.stream.blocks;
    const used = Math.ceil(this.stream.length / BLOCK);
    return { from, to, blocks: blocks.slice(0, used), ends: Int32Array.from(ends) };
  }

  /** Forgets the key map once the parts are read (the keys list stays for the join). */
  done(): void {
    this.numbers.clear();
  }
}

/** Where each entry's first name sits in the list of all names. */
export function firstNames(entries: readonly NameEntry[]): Int32Array {
  const out = new Int32Array(entries.length + 1);
  for (let i = 0; i < entries.length; i++)
    out[i + 1] = (out[i] as number) + (entries[i] as NameEntry).names.length;
  return out;
}

type KeyedPart = { readonly part: IndexPart; readonly keyer: number };

const partLength = (part: IndexPart): number => part.ends[part.ends.length - 1] ?? 0;

/** The keys of several keyers numbered as first met in list order; parts rewritten in place. */
function renumber(keysOf: readonly (readonly string[])[], parts: readonly KeyedPart[]): string[] {
  const keys: string[] = [];
  const numbers = new Map<string, number>();
  const global = keysOf.map((list) => new Int32Array(list.length).fill(-1));
  for (const { part, keyer } of parts) {
    const local = keysOf[keyer] as readonly string[];
    const mapped = global[keyer] as Int32Array;
    const length = partLength(part);
    for (let at = 0; at < length; at++) {
      const block = part.blocks[at >> BLOCK_BITS] as Int32Array;
      const slot = at & (BLOCK - 1);
      const key = block[slot] as number;
      let number = mapped[key] as number;
      if (number < 0) {
        const text = local[key] as string;
        number = numbers.get(text) ?? keys.length;
        if (number === keys.length) {
          keys.push(text);
          numbers.set(text, number);
        }
        mapped[key] = number;
      }
      block[slot] = number;
    }
  }
  return keys;
}

/** Where each key's list starts in the laid-out postings (one more entry: the total). */
function listStarts(keys: number, parts: readonly KeyedPart[]): Int32Array {
  const counts = new Int32Array(keys + 1);
  for (const { part } of parts) {
    const length = partLength(part);
    for (let at = 0; at < length; at++) {
      const key = ((part.blocks[at >> BLOCK_BITS] as Int32Array)[at & (BLOCK - 1)] as number) + 1;
      counts[key] = (counts[key] as number) + 1;
    }
  }
  for (let k = 1; k < counts.length; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
  return counts;
}

/**
 * Posting lists from the parts of every entry, whichever keyer read them: keys are renumbered as
 * first met in list order (what one keyer reading the whole list gives), then a counting pass lays
 * every list out in one typed array. Lists come out ascending and without repeats, in the order
 * their keys were first met. `keysOf[k]` are the keys of keyer `k`, `partsOf[k]` its parts.
 */
function joinPostings(
  keysOf: readonly (readonly string[])[],
  partsOf: readonly (readonly IndexPart[])[],
  names: number,
): Map<string, Int32Array> {
  const parts = partsOf
    .flatMap((list, keyer) => list.map((part) => ({ part, keyer })))
    .sort((a, b) => a.part.from - b.part.from);
  // One keyer read the list in order: its numbering is already the list's.
  const keys = keysOf.length === 1 ? (keysOf[0] as readonly string[]) : renumber(keysOf, parts);
  const counts = listStarts(keys.length, parts);
  const all = new Int32Array(counts[keys.length] as number);
  const fill = counts.slice(0, keys.length);
  let name = 0;
  for (const { part } of parts) {
    let at = 0;
    for (const end of part.ends) {
      for (; at < end; at++) {
        const key = (part.blocks[at >> BLOCK_BITS] as Int32Array)[at & (BLOCK - 1)] as number;
        const slot = fill[key] as number;
        all[slot] = name;
        fill[key] = slot + 1;
      }
      name++;
    }
  }
  if (name !== names) throw new Error(`index parts hold ${name} names, the list ${names}`);
  const out = new Map<string, Int32Array>();
  for (let k = 0; k < keys.length; k++)
    out.set(keys[k] as string, all.subarray(counts[k] as number, counts[k + 1] as number));
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

  constructor(private readonly builder: { keyNumber(key: string): number }) {}

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

/** Builds the index in this thread: each name is normalised once here; small lists keep the result. */
export function buildNameIndex(entries: readonly NameEntry[]): NameIndex {
  const normalised = new Map<number, NormalisedName>();
  const keyer = new IndexKeyer();
  const part = keyer.read(entries, 0, entries.length, 0, (id, name) => {
    if (normalised.size < KEPT_NAMES) normalised.set(id, name);
  });
  keyer.done();
  return joinIndexParts(entries, [keyer.keys], [[part]], normalised);
}

/**
 * The index from parts read by one or more keyers (see `IndexKeyer`), which together cover every
 * entry once: the same index as `buildNameIndex` gives, whoever read which part.
 */
export function joinIndexParts(
  entries: readonly NameEntry[],
  keysOf: readonly (readonly string[])[],
  partsOf: readonly (readonly IndexPart[])[],
  normalised: Map<number, NormalisedName> = new Map(),
): NameIndex {
  const starts = firstNames(entries);
  const count = starts[entries.length] as number;
  const names: string[] = [];
  const entryOf = new Int32Array(count);
  for (let entry = 0; entry < entries.length; entry++)
    for (const name of (entries[entry] as NameEntry).names) {
      entryOf[names.length] = entry;
      names.push(name);
    }
  const lists = joinPostings(keysOf, partsOf, count);
  return {
    entries,
    names,
    entryOf,
    postings: lists,
    ...idfOf(lists, count),
    normalised,
    scores: new CandidateScores(count),
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
