/**
 * The toneless Mandarin syllables (plus "lv"/"nv", how ü is typed in registry romanisations).
 * Splitting run-together pinyin into these lets "Huafu", "Hua Fu" and 华孚 meet.
 */
const INITIALS_FINALS: Record<string, string> = {
  "": "a ai an ang ao e ei en eng er o ou",
  b: "a ai an ang ao ei en eng i ian iao ie in ing o u",
  p: "a ai an ang ao ei en eng i ian iao ie in ing o ou u",
  m: "a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u",
  f: "a an ang ei en eng o ou u",
  d: "a ai an ang ao e ei en eng i ian iao ie ing iu ong ou u uan ui un uo",
  t: "a ai an ang ao e eng i ian iao ie ing ong ou u uan ui un uo",
  n: "a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan uo v ve",
  l: "a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u uan un uo v ve",
  g: "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
  k: "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
  h: "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
  j: "i ia ian iang iao ie in ing iong iu u uan ue un",
  q: "i ia ian iang iao ie in ing iong iu u uan ue un",
  x: "i ia ian iang iao ie in ing iong iu u uan ue un",
  zh: "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
  ch: "a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo",
  sh: "a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo",
  r: "an ang ao e en eng i ong ou u ua uan ui un uo",
  z: "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
  c: "a ai an ang ao e en eng i ong ou u uan ui un uo",
  s: "a ai an ang ao e en eng i ong ou u uan ui un uo",
  y: "a an ang ao e i in ing o ong ou u uan ue un",
  w: "a ai an ang ei en eng o u",
};

export const PINYIN_SYLLABLES: ReadonlySet<string> = new Set(
  Object.entries(INITIALS_FINALS).flatMap(([initial, finals]) =>
    finals.split(" ").map((final) => initial + final),
  ),
);

const LONGEST = 6;

/**
 * Splits a run-together pinyin word into syllables, or returns null when it is not pinyin.
 * Dynamic programming prefers the fewest syllables ("xian" stays one syllable, not xi+an), and
 * among equals the split with fewer vowel-initial syllables ("fangan" → fan+gan), because pinyin
 * marks a vowel-initial syllable inside a word with an apostrophe that registries drop.
 */
export function splitPinyin(word: string): readonly string[] | null {
  const text = word.toLowerCase().replace(/ü/g, "v");
  if (text.length === 0 || !/^[a-z]+$/.test(text)) return null;
  const best: (readonly string[] | null)[] = [[]];
  for (let end = 1; end <= text.length; end++) {
    let choice: readonly string[] | null = null;
    for (let size = Math.min(LONGEST, end); size >= 1; size--) {
      const before = best[end - size];
      const syllable = text.slice(end - size, end);
      if (!before || !PINYIN_SYLLABLES.has(syllable)) continue;
      const candidate = [...before, syllable];
      if (!choice || better(candidate, choice)) choice = candidate;
    }
    best[end] = choice;
  }
  return best[text.length] ?? null;
}

function vowelStarts(syllables: readonly string[]): number {
  return syllables.filter((s) => /^[aeiou]/.test(s)).length;
}

function better(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  return vowelStarts(a) < vowelStarts(b);
}
