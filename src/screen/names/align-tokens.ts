import { type NameToken, token } from "./name-token.ts";
import { similarityAbove, spellingsOf, tokenSimilarity } from "./token-similarity.ts";

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
        if (spells(joined, o.text) || o.forms.some((f) => spells(joined as string, f)))
          return { joined, target: o };
      }
    }
  }
  return undefined;
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

/**
 * A phrase the lexicon reads as one word ("construction engineering") meets its words written
 * apart on the other side (Construction Kashgar Engineering): it is opened into those words.
 */
export function splitCompounds(
  tokens: readonly NameToken[],
  other: readonly NameToken[],
): readonly NameToken[] {
  if (!tokens.some((t) => t.label?.includes(" "))) return tokens;
  const texts = new Set(other.map((o) => o.text));
  return tokens.flatMap((t) => {
    const words = (t.label ?? "").split(" ").filter((w) => w !== "and");
    if (words.length < 2 || texts.has(t.text) || !words.every((w) => texts.has(w))) return [t];
    return words.map((w) => token(w, t.role));
  });
}

/** Greedy best-first alignment: each token pairs at most once, most similar pairs first. */
export function alignTokens(left: readonly NameToken[], right: readonly NameToken[]): Alignment {
  const a = mergeSplitWords(splitCompounds(left, right), right);
  const b = mergeSplitWords(splitCompounds(right, a), a);
  const candidates: { i: number; j: number; similarity: number }[] = [];
  for (const [i, x] of a.entries()) {
    for (const [j, y] of b.entries()) {
      const similarity = tokenSimilarity(x, y);
      if (enough(x, y, similarity)) candidates.push({ i, j, similarity });
    }
  }
  candidates.sort((p, q) => q.similarity - p.similarity);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const { i, j, similarity } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push({ left: a[i] as NameToken, right: b[j] as NameToken, similarity });
  }
  return {
    pairs,
    leftOnly: a.filter((_, i) => !usedA.has(i)),
    rightOnly: b.filter((_, j) => !usedB.has(j)),
  };
}
