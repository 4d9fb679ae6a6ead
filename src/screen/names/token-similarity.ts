import type { NameToken } from "./name-token.ts";
import { regionsAgree } from "./regions.ts";

/** Look-alike and sound-alike letters (rigour's compare.yml): substituting one costs half an edit. */
const CONFUSABLE = new Set(
  ["0o", "1i", "1l", "g9", "q9", "b6", "5s", "ei", "ou", "ij", "iy", "ck", "nh", "vw", "sz", "kq"].flatMap(
    (pair) => [pair, `${pair[1]}${pair[0]}`],
  ),
);

function codes(text: string): number[] {
  const out: number[] = [];
  for (const char of text) out.push(char.codePointAt(0) ?? 0);
  return out;
}

/** Confusable pairs of ASCII codes (every pair in `CONFUSABLE` is ASCII) as a 128 × 128 table. */
const CONFUSABLE_CODES = (() => {
  const table = new Uint8Array(128 * 128);
  for (const pair of CONFUSABLE) {
    const [a, b] = codes(pair) as [number, number];
    table[a * 128 + b] = 1;
  }
  return table;
})();

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return a < 128 && b < 128 && CONFUSABLE_CODES[a * 128 + b] === 1 ? 0.5 : 1;
}

/**
 * Rows and code points reused by every call (edit distance runs for every token pair of every
 * candidate; nothing here is reentrant).
 */
let leftCodes = new Int32Array(64);
let rightCodes = new Int32Array(64);
let rowBefore = new Float64Array(65);
let rowPrevious = new Float64Array(65);
let rowCurrent = new Float64Array(65);

/** The code points of `text` into a reused buffer (grown as needed); returns how many. */
function codePoints(text: string, left: boolean): number {
  let buffer = left ? leftCodes : rightCodes;
  if (buffer.length < text.length) {
    buffer = new Int32Array(text.length * 2);
    if (left) leftCodes = buffer;
    else rightCodes = buffer;
  }
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i++;
    buffer[n++] = code;
  }
  return n;
}

function ensureRows(length: number): void {
  if (rowBefore.length > length) return;
  rowBefore = new Float64Array(length * 2);
  rowPrevious = new Float64Array(length * 2);
  rowCurrent = new Float64Array(length * 2);
}

/**
 * Row i of the distance table into `current` from rows i − 1 and i − 2, over the code points in
 * `leftCodes[0…n)` and `rightCodes[0…m)`; returns the row's least value.
 */
function fillRow(
  i: number,
  m: number,
  before: Float64Array,
  previous: Float64Array,
  current: Float64Array,
): number {
  const a = leftCodes;
  const b = rightCodes;
  const ai = a[i - 1] as number;
  const insertA = i > 1 && ai === a[i - 2] ? 0.5 : 1;
  current[0] = i;
  let rowMin = i;
  for (let j = 1; j <= m; j++) {
    const bj = b[j - 1] as number;
    const insertB = j > 1 && bj === b[j - 2] ? 0.5 : 1;
    let cost = Math.min(
      (previous[j] as number) + insertA,
      (current[j - 1] as number) + insertB,
      (previous[j - 1] as number) + (ai === bj ? 0 : substitutionCost(ai, bj)),
    );
    if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj)
      cost = Math.min(cost, (before[j - 2] as number) + 1);
    current[j] = cost;
    rowMin = Math.min(rowMin, cost);
  }
  return rowMin;
}

/**
 * Weighted Damerau-Levenshtein distance over code points, on three reused rows. A doubled letter
 * (Basharr, Hanniball) costs half an edit. With `floor` above 0 it stops as soon as no path can
 * keep 1 − distance / `longest` at or above `floor`, and returns a lower bound of the distance
 * then: every path to the end crosses row i, or jumps over it by a transposition (cost 1) from
 * row i − 1, so the distance is at least min(least of row i, least of row i − 1 + 1).
 */
function weightedDistance(left: string, right: string, longest: number, floor: number): number {
  const n = codePoints(left, true);
  const m = codePoints(right, false);
  ensureRows(m + 1);
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= m; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= n; i++) {
    const rowMin = fillRow(i, m, before, previous, current);
    const bound = Math.min(rowMin, previousMin + 1);
    if (floor > 0 && 1 - bound / longest < floor) return bound;
    previousMin = rowMin;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[m] as number;
}

/**
 * Weighted Damerau-Levenshtein distance over code points. A doubled letter (Basharr, Hanniball)
 * costs half an edit.
 */
export function editDistance(left: string, right: string): number {
  return weightedDistance(left, right, 1, 0);
}

const counts = new Int32Array(128);

/**
 * Letters in one string and not the other, counted with repeats (the L1 distance of the two
 * letter bags), for ASCII; 0 otherwise. Every edit changes it by at most 2 and costs at least half
 * an edit, so the weighted distance is at least a quarter of it: most pairs of unrelated words are
 * told apart here without filling the edit-distance table.
 */
function differentLetters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 128) return resetCounts(a, i);
    counts[code] = (counts[code] as number) + 1;
  }
  let extra = 0;
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    if (code >= 128) {
      resetCounts(b, i);
      return resetCounts(a, a.length);
    }
    counts[code] = (counts[code] as number) - 1;
  }
  for (let i = 0; i < a.length; i++) extra += take(a.charCodeAt(i));
  for (let i = 0; i < b.length; i++) extra += take(b.charCodeAt(i));
  return extra;
}

/** The absolute count left for a letter, cleared so each letter counts once. */
function take(code: number): number {
  const left = Math.abs(counts[code] as number);
  counts[code] = 0;
  return left;
}

/** Clears the counts added for text[0…end) and reports no difference (the bound does not apply). */
function resetCounts(text: string, end: number): number {
  for (let i = 0; i < end; i++) counts[text.charCodeAt(i)] = 0;
  return 0;
}

/** Recent pairs, keyed by the smaller string then the larger: no key string is built per lookup. */
const cache = new Map<string, Map<string, number>>();
let cached = 0;
const CACHE_LIMIT = 100_000;

/**
 * 1 − weighted edit distance / longer length. When the lengths alone bound the similarity below
 * 0.7 that bound is returned: no such pair ever counts as one word, and screening compares every
 * token of every candidate, so the shortcut (and a memo of recent pairs) keeps it fast.
 */
export function stringSimilarity(a: string, b: string): number {
  return similarityAbove(a, b, 0);
}

/**
 * `stringSimilarity(a, b)` when that is at least `floor`; otherwise some value below `floor`
 * (an upper bound of it). Callers that only ask whether two words are alike enough use this: the
 * length bound, the letter bound and the edit-distance rows stop as soon as `floor` is out of reach.
 */
export function similarityAbove(a: string, b: string, floor: number): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Each missing letter costs at least half an edit (a doubled letter), hence the 0.5.
  const bound = 1 - (0.5 * Math.abs(a.length - b.length)) / longest;
  if (bound < 0.7 || bound < floor) return bound;
  const letters = 1 - differentLetters(a, b) / (4 * longest);
  if (letters < 0.7 || letters < floor) return letters;
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let row = cache.get(low);
  const known = row?.get(high);
  if (known !== undefined) return known;
  const value = Math.max(0, 1 - weightedDistance(a, b, longest, floor) / longest);
  // Below the floor the rows may have stopped early: the value is a bound, not remembered.
  if (value < floor) return value;
  if (cached >= CACHE_LIMIT) {
    cache.clear();
    cached = 0;
    row = undefined;
  }
  if (!row) {
    row = new Map();
    cache.set(low, row);
  }
  row.set(high, value);
  cached++;
  return value;
}

const spelt = new WeakMap<NameToken, readonly string[]>();

/** A token's text and its other spellings, as one list (made once per token). */
export function spellingsOf(t: NameToken): readonly string[] {
  if (t.forms.length === 0) return [t.text];
  let all = spelt.get(t);
  if (!all) {
    all = [t.text, ...t.forms];
    spelt.set(t, all);
  }
  return all;
}

/**
 * The least similarity any caller acts on: alignment pairs words at 0.74 (0.8 when short) and
 * merges split words at 0.9. Below it a token similarity is only an upper bound of the true one,
 * which lets most pairs of different words stop early.
 */
const PAIR_FLOOR = 0.74;

/** Dictionary words pair the same way every time: their similarity is worked out once per pair of terms. */
const termPairs = new Map<string, number>();

/**
 * The closest pair of spellings of two tokens (text first, then the other forms, as
 * `spellingsOf` lists them); stops at an exact one. Indexes the forms instead of building the
 * lists: this runs for every pair of words not compared before.
 */
function bestFormSimilarity(a: NameToken, b: NameToken): number {
  let best = 0;
  for (let i = -1; i < a.forms.length; i++) {
    const x = i < 0 ? a.text : (a.forms[i] as string);
    for (let j = -1; j < b.forms.length; j++) {
      const value = similarityAbove(x, j < 0 ? b.text : (b.forms[j] as string), PAIR_FLOOR);
      if (value > best) best = value;
      if (best === 1) return 1;
    }
  }
  return best;
}

/** Roles compared by rule rather than spelling: regions by containment, countries, numbers, initials. */
function ruleSimilarity(a: NameToken, b: NameToken): number | undefined {
  if (a.region && b.region) return regionsAgree(a.region, b.region) ? 1 : 0;
  if (a.country && b.country) return a.country === b.country ? 1 : 0;
  return shortSimilarity(a, b);
}

/** Numbers compare exactly; an initial agrees with any word it begins. */
function shortSimilarity(a: NameToken, b: NameToken): number | undefined {
  if (a.role === "number" || b.role === "number") return a.text === b.text ? 1 : 0;
  if (a.role === "initial" || b.role === "initial") return a.text.charAt(0) === b.text.charAt(0) ? 0.9 : 0;
  return undefined;
}

/**
 * Token pairs already compared. Tokens are immutable and shared (list names are normalised once,
 * plain words and dictionary words are read once), so most pairs of a screening recur. Each token
 * gets a number once (`tokenId`); pairs of numbers are kept in an open-addressed table of typed
 * arrays (linear probing), cleared when it fills at its largest size: a lookup allocates
 * nothing, where a weak map per token cost two weak-map lookups per pair and a new weak map per
 * new token.
 */
let ids = new WeakMap<NameToken, number>();
let nextId = 1;
/**
 * The table starts small and doubles up to this many slots (16 MB), then is cleared when full. A
 * slot is 16 bytes in one buffer: the two token numbers as 32-bit integers, then the similarity
 * as a double, so a probe reads one cache line.
 */
const MOST_SLOTS = 1 << 20;
let slotBits = 12;
let slots = 1 << slotBits;
let table = new ArrayBuffer(slots * 16);
let keys = new Int32Array(table);
let values = new Float64Array(table);
let pairsKept = 0;

function forgetPairs(): void {
  keys.fill(0);
  pairsKept = 0;
}

function slotOf(left: number, right: number): number {
  // The high bits of the products: the low bits of a product depend on the low bits alone.
  return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> (32 - slotBits);
}

/** The slot holding the pair, or the empty slot where it goes. */
function find(left: number, right: number): number {
  let slot = slotOf(left, right);
  for (;;) {
    const kept = keys[slot * 4] as number;
    if (kept === 0 || (kept === left && keys[slot * 4 + 1] === right)) return slot;
    slot = (slot + 1) & (slots - 1);
  }
}

/** Room for one more pair: the table doubles (pairs moved over) or, at its largest, starts empty. */
function makeRoom(): void {
  if (pairsKept < slots * 0.6) return;
  if (slots >= MOST_SLOTS) {
    forgetPairs();
    return;
  }
  const [oldKeys, oldValues, oldSlots] = [keys, values, slots];
  slotBits++;
  slots = 1 << slotBits;
  table = new ArrayBuffer(slots * 16);
  keys = new Int32Array(table);
  values = new Float64Array(table);
  for (let old = 0; old < oldSlots; old++) {
    const left = oldKeys[old * 4] as number;
    if (left === 0) continue;
    const right = oldKeys[old * 4 + 1] as number;
    const slot = find(left, right);
    keys[slot * 4] = left;
    keys[slot * 4 + 1] = right;
    values[slot * 2 + 1] = oldValues[old * 2 + 1] as number;
  }
}

/** A number for a token, the same for the token's life (numbers start again after 2³¹ tokens). */
export function tokenId(t: NameToken): number {
  let id = ids.get(t);
  if (id === undefined) {
    if (nextId === 0x7fffffff) {
      // Numbers run out after two billion tokens: every token is numbered afresh, and the pairs
      // kept under the old numbers go.
      ids = new WeakMap();
      forgetPairs();
      nextId = 1;
    }
    id = nextId++;
    ids.set(t, id);
  }
  return id;
}

/**
 * `tokenSimilarity(a, b)` for tokens whose numbers (`tokenId`) the caller already has, as
 * alignment does for every pair of two lists.
 */
export function similarityOfIds(a: NameToken, aId: number, b: NameToken, bId: number): number {
  let slot = find(aId, bId);
  if (keys[slot * 4] !== 0) return values[slot * 2 + 1] as number;
  const value = compareTokens(a, b);
  if (pairsKept >= slots * 0.6) {
    makeRoom();
    slot = find(aId, bId);
  }
  keys[slot * 4] = aId;
  keys[slot * 4 + 1] = bId;
  values[slot * 2 + 1] = value;
  pairsKept++;
  return value;
}

/**
 * Similarity of two tokens in [0, 1], aware of roles: regions by containment, numbers exactly.
 * Exact from 0.74 up; below that, some value below 0.74.
 */
export function tokenSimilarity(a: NameToken, b: NameToken): number {
  return similarityOfIds(a, tokenId(a), b, tokenId(b));
}

function compareTokens(a: NameToken, b: NameToken): number {
  const byRule = ruleSimilarity(a, b);
  if (byRule !== undefined) return byRule;
  // Two dictionary words (East, Hope, COFCO, Sinograin) are the same word or two different ones.
  if (a.label && b.label && a.role === "name" && b.role === "name") return a.text === b.text ? 1 : 0;
  // Two Chinese spellings compare as characters: 华孚 and 华富 share pinyin, not identity.
  if (a.han && b.han && !a.label && !b.label) return similarityAbove(a.han, b.han, PAIR_FLOOR);
  if (a.text === b.text) return 1;
  if (!a.label || !b.label) return bestFormSimilarity(a, b);
  const key = `${a.role}:${a.label}\u0000${b.role}:${b.label}`;
  let value = termPairs.get(key);
  if (value === undefined) {
    value = bestFormSimilarity(a, b);
    termPairs.set(key, value);
  }
  return value;
}
