import { type NameToken, token } from "./name-token.ts";
import {
  similarityAbove,
  similarityOfIds,
  spellingsOf,
  tokenId,
  tokenSimilarity,
} from "./token-similarity.ts";

export interface AlignedPair {
  readonly left: NameToken;
  readonly right: NameToken;
  readonly similarity: number;
}

export interface Alignment {
  readonly pairs: readonly AlignedPair[];
  readonly leftOnly: readonly NameToken[];
  readonly rightOnly: readonly NameToken[];
}

/** Below this a pair is two different words, not one word misspelt. */
function enough(a: NameToken, b: NameToken, similarity: number): boolean {
  const shortest = Math.min(a.text.length, b.text.length);
  return similarity >= (shortest <= 4 ? 0.8 : 0.74);
}

const MERGEABLE = new Set(["name", "generic", "initial", "particle"]);

/** A closed-up pair spells a word at most 2 letters longer or shorter and 90 % alike. */
function spells(joined: string, f: string): boolean {
  return Math.abs(f.length - joined.length) <= 2 && similarityAbove(joined, f, 0.9) >= 0.9;
}

function spellsAny(joined: string, o: NameToken): boolean {
  if (spells(joined, o.text)) return true;
  for (const f of o.forms) if (spells(joined, f)) return true;
  return false;
}

/** Whether any spelling of `o` has about `length` letters (the joined text is built only then). */
function nearLength(o: NameToken, length: number): boolean {
  if (Math.abs(o.text.length - length) <= 2) return true;
  for (const f of o.forms) if (Math.abs(f.length - length) <= 2) return true;
  return false;
}

/**
 * The token of `other` that two neighbours written together spell, in any of their spellings: a
 * translated word beside a pinyin chunk (新 "new" + 雅 ya) is also one pinyin word (Xinya).
 */
function closedUpMatch(
  a: NameToken,
  b: NameToken,
  other: readonly NameToken[],
): { joined: string; target: NameToken } | undefined {
  for (const x of spellingsOf(a)) {
    for (const y of spellingsOf(b)) {
      let joined: string | undefined;
      for (const o of other) {
        if (!nearLength(o, x.length + y.length)) continue;
        joined ??= x + y;
        if (spellsAny(joined, o)) return { joined, target: o };
      }
    }
  }
  return undefined;
}

/** Lengths from this up are not kept in the masks below: a name holding one is checked in full. */
const MASKED = 29;

/** A token the lexicon reads as one phrase of several words (see `splitCompounds`). */
interface Compound {
  readonly token: NameToken;
  readonly words: readonly string[];
}

/**
 * What alignment reads from a token list whatever the other side holds, worked out once per list
 * (a list name is aligned with every query it is a candidate for).
 */
export interface TokenListShape {
  /** Tokens that are phrases of several words, with their words. */
  readonly compounds: readonly Compound[];
  /** Bit L: some spelling of some token has L letters; -1 when some has `MASKED` or more. */
  readonly lengths: number;
  /**
   * Bit L: two mergeable neighbours have spellings of L letters together; -1 when some pair has
   * `MASKED` or more.
   */
  readonly joined: number;
}

const shapes = new WeakMap<readonly NameToken[], TokenListShape>();

function shapeOf(tokens: readonly NameToken[]): TokenListShape {
  let shape = shapes.get(tokens);
  if (!shape) {
    shape = tokenListShape(tokens);
    shapes.set(tokens, shape);
  }
  return shape;
}

function lengthBit(length: number): number {
  return length < MASKED ? 1 << length : -1;
}

function compoundOf(t: NameToken): Compound | undefined {
  if (!t.label?.includes(" ")) return undefined;
  const words = t.label.split(" ").filter((w) => w !== "and");
  return words.length >= 2 ? { token: t, words } : undefined;
}

/** The shape of a token list (callers that keep it per name pass it to `alignShaped`). */
export function tokenListShape(tokens: readonly NameToken[]): TokenListShape {
  const compounds: Compound[] = [];
  let lengths = 0;
  let joined = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    const compound = compoundOf(t);
    if (compound) compounds.push(compound);
    lengths |= lengthBit(t.text.length);
    for (const f of t.forms) lengths |= lengthBit(f.length);
    const next = tokens[i + 1];
    if (!next || !MERGEABLE.has(t.role) || !MERGEABLE.has(next.role)) continue;
    for (const x of spellingsOf(t))
      for (const y of spellingsOf(next)) joined |= lengthBit(x.length + y.length);
  }
  return { compounds, lengths, joined };
}

/**
 * Whether no two neighbours of `tokens` can close up into a word of `other`: a closed-up pair
 * must have about (±2) the length of some spelling in `other` (see `nearLength`), so when no
 * joined length comes near, `mergeSplitWords` would compare every pair only to find nothing.
 */
function nothingCloses(tokens: TokenListShape, other: TokenListShape): boolean {
  const { joined } = tokens;
  const { lengths } = other;
  if (joined === -1 || lengths === -1) return false;
  const near = lengths | (lengths << 1) | (lengths << 2) | (lengths >>> 1) | (lengths >>> 2);
  return (joined & near) === 0;
}

/**
 * Closes up neighbours that the other side writes as one word ("Hua Fu" / Huafu, "Good Will" /
 * Goodwill, "Xi Jinping" / 习近平): the merged token replaces both. Returns `tokens` itself when
 * nothing closes up.
 */
export function mergeSplitWords(
  tokens: readonly NameToken[],
  other: readonly NameToken[],
): readonly NameToken[] {
  if (nothingCloses(shapeOf(tokens), shapeOf(other))) return tokens;
  return closeUp(tokens, other);
}

function closeUp(tokens: readonly NameToken[], other: readonly NameToken[]): readonly NameToken[] {
  let out: readonly NameToken[] = tokens;
  for (let i = 0; i < out.length - 1; i++) {
    const a = out[i] as NameToken;
    const b = out[i + 1] as NameToken;
    if (!MERGEABLE.has(a.role) || !MERGEABLE.has(b.role)) continue;
    const found = closedUpMatch(a, b, other);
    if (!found) continue;
    const { joined, target } = found;
    const alreadyFine = tokenSimilarity(a, target) >= 0.9 || tokenSimilarity(b, target) >= 0.9;
    if (alreadyFine) continue;
    const syllables = [...(a.syllables ?? [a.text]), ...(b.syllables ?? [b.text])];
    const merged = out === tokens ? [...tokens] : (out as NameToken[]);
    merged.splice(i, 2, { text: joined, role: "name", forms: [], syllables });
    out = merged;
    i--;
  }
  return out;
}

function hasText(tokens: readonly NameToken[], text: string): boolean {
  for (const t of tokens) if (t.text === text) return true;
  return false;
}

/** Whether some compound of `tokens` is written apart on the other side (see `splitCompounds`). */
function opens(compounds: readonly Compound[], other: readonly NameToken[]): boolean {
  for (const { token: t, words } of compounds)
    if (!hasText(other, t.text) && words.every((w) => hasText(other, w))) return true;
  return false;
}

/**
 * A phrase the lexicon reads as one word ("construction engineering") meets its words written
 * apart on the other side (Construction Kashgar Engineering): it is opened into those words.
 * Returns `tokens` itself when no phrase opens.
 */
export function splitCompounds(
  tokens: readonly NameToken[],
  other: readonly NameToken[],
): readonly NameToken[] {
  const { compounds } = shapeOf(tokens);
  return compounds.length > 0 && opens(compounds, other) ? openCompounds(tokens, other) : tokens;
}

function openCompounds(tokens: readonly NameToken[], other: readonly NameToken[]): NameToken[] {
  const texts = new Set(other.map((o) => o.text));
  return tokens.flatMap((t) => {
    const words = (t.label ?? "").split(" ").filter((w) => w !== "and");
    if (words.length < 2 || texts.has(t.text) || !words.every((w) => texts.has(w))) return [t];
    return words.map((w) => token(w, t.role));
  });
}

/** Greedy best-first alignment: each token pairs at most once, most similar pairs first. */
export function alignTokens(left: readonly NameToken[], right: readonly NameToken[]): Alignment {
  return alignShaped(left, shapeOf(left), right, shapeOf(right));
}

/** Reused by every alignment (nothing here is reentrant): token numbers and pairs alike enough. */
let leftIds = new Int32Array(32);
let rightIds = new Int32Array(32);
let pairSimilarities = new Float64Array(256);
let pairLefts = new Int32Array(256);
let pairRights = new Int32Array(256);
const pairOrder: number[] = [];
let usedLeft = new Uint8Array(32);
let usedRight = new Uint8Array(32);

function tokenIds(tokens: readonly NameToken[], into: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const ids = into.length >= tokens.length ? into : new Int32Array(tokens.length * 2);
  for (let i = 0; i < tokens.length; i++) ids[i] = tokenId(tokens[i] as NameToken);
  return ids;
}

/**
 * `alignTokens` with the shapes of both lists given (see `tokenListShape`). Each side is first
 * opened (compounds written apart on the other side) and closed up (neighbours written as one
 * word on the other side); nothing is built when neither applies.
 */
export function alignShaped(
  left: readonly NameToken[],
  leftShape: TokenListShape,
  right: readonly NameToken[],
  rightShape: TokenListShape,
): Alignment {
  const opened = leftShape.compounds.length > 0 && opens(leftShape.compounds, right);
  const a =
    !opened && nothingCloses(leftShape, rightShape)
      ? left
      : mergeSplitWords(opened ? openCompounds(left, right) : left, right);
  const aShape = a === left ? leftShape : shapeOf(a);
  const openedRight = rightShape.compounds.length > 0 && opens(rightShape.compounds, a);
  const b =
    !openedRight && nothingCloses(rightShape, aShape)
      ? right
      : mergeSplitWords(openedRight ? openCompounds(right, a) : right, a);
  return pairUp(a, b);
}

/** Pairs alike enough of a × b into the pair scratch, in the order found; returns how many. */
function collectPairs(a: readonly NameToken[], b: readonly NameToken[]): number {
  leftIds = tokenIds(a, leftIds);
  rightIds = tokenIds(b, rightIds);
  if (pairSimilarities.length < a.length * b.length) {
    const size = a.length * b.length * 2;
    pairSimilarities = new Float64Array(size);
    pairLefts = new Int32Array(size);
    pairRights = new Int32Array(size);
  }
  let found = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NameToken;
    const xId = leftIds[i] as number;
    for (let j = 0; j < b.length; j++) {
      const y = b[j] as NameToken;
      const similarity = similarityOfIds(x, xId, y, rightIds[j] as number);
      if (!enough(x, y, similarity)) continue;
      pairSimilarities[found] = similarity;
      pairLefts[found] = i;
      pairRights[found] = j;
      found++;
    }
  }
  return found;
}

function cleared(used: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  if (used.length < length) return new Uint8Array(length * 2);
  used.fill(0, 0, length);
  return used;
}

function unused(tokens: readonly NameToken[], used: Uint8Array): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) if (!used[i]) out.push(tokens[i] as NameToken);
  return out;
}

/** Pairs the tokens most similar first, each at most once; ties in the order found. */
function pairUp(a: readonly NameToken[], b: readonly NameToken[]): Alignment {
  const found = collectPairs(a, b);
  const order = pairOrder;
  order.length = found;
  for (let k = 0; k < found; k++) order[k] = k;
  // A stable sort, as sorting the pairs themselves was: ties keep the order they were found in.
  if (found > 1) order.sort(bySimilarity);
  usedLeft = cleared(usedLeft, a.length);
  usedRight = cleared(usedRight, b.length);
  const pairs: AlignedPair[] = [];
  for (let o = 0; o < found; o++) {
    const k = order[o] as number;
    const i = pairLefts[k] as number;
    const j = pairRights[k] as number;
    if (usedLeft[i] || usedRight[j]) continue;
    usedLeft[i] = 1;
    usedRight[j] = 1;
    pairs.push({
      left: a[i] as NameToken,
      right: b[j] as NameToken,
      similarity: pairSimilarities[k] as number,
    });
  }
  return { pairs, leftOnly: unused(a, usedLeft), rightOnly: unused(b, usedRight) };
}

function bySimilarity(p: number, q: number): number {
  return (pairSimilarities[q] as number) - (pairSimilarities[p] as number);
}
