import type { NameToken } from "./name-token.ts";
import { stringSimilarity, tokenSimilarity } from "./token-similarity.ts";

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

/**
 * Closes up neighbours that the other side writes as one word ("Hua Fu" / Huafu, "Good Will" /
 * Goodwill, "Xi Jinping" / 习近平): the merged token replaces both.
 */
export function mergeSplitWords(tokens: readonly NameToken[], other: readonly NameToken[]): NameToken[] {
  const out = [...tokens];
  for (let i = 0; i < out.length - 1; i++) {
    const a = out[i] as NameToken;
    const b = out[i + 1] as NameToken;
    if (!MERGEABLE.has(a.role) || !MERGEABLE.has(b.role)) continue;
    const joined = a.text + b.text;
    const near = (f: string) => Math.abs(f.length - joined.length) <= 2 && stringSimilarity(joined, f) >= 0.9;
    const target = other.find((o) => near(o.text) || o.forms.some(near));
    if (!target) continue;
    const alreadyFine = tokenSimilarity(a, target) >= 0.9 || tokenSimilarity(b, target) >= 0.9;
    if (alreadyFine) continue;
    const syllables = [...(a.syllables ?? [a.text]), ...(b.syllables ?? [b.text])];
    out.splice(i, 2, { text: joined, role: "name", forms: [], syllables });
    i--;
  }
  return out;
}

/** Greedy best-first alignment: each token pairs at most once, most similar pairs first. */
export function alignTokens(left: readonly NameToken[], right: readonly NameToken[]): Alignment {
  const a = mergeSplitWords(left, right);
  const b = mergeSplitWords(right, a);
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
