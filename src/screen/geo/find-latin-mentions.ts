import type { DivisionLevel } from "./division.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Mention, MentionStrength } from "./mention.ts";
import type { AddressToken } from "./normalise-address.ts";
import { CORROBORATION_ONLY_KEYS, FOREIGN_AMBIGUOUS_KEYS } from "./xinjiang-aliases.ts";

const MAX_WORDS = 6;

/** Words after a place name that say which level it is; they are consumed with the name. */
const LEVEL_WORDS: Readonly<Record<string, readonly (DivisionLevel | "city")[]>> = {
  province: [0],
  sheng: [0],
  zizhiqu: [0],
  region: [0, 1],
  municipality: [0],
  prefecture: [1],
  diqu: [1],
  zhou: [1],
  league: [1],
  meng: [1],
  city: ["city"],
  shi: ["city"],
  county: [2],
  xian: [2],
  district: [2],
  qu: [2],
  banner: [2],
};
/** Qualifiers written between a name and its level word (Xinjiang Uygur Autonomous Region). */
const FILLER_WORDS = new Set([
  "uygur",
  "uyghur",
  "uighur",
  "weiwuer",
  "kazakh",
  "mongol",
  "mongolian",
  "kirghiz",
  "kyrgyz",
  "hui",
  "tajik",
  "xibe",
  "of",
  "the",
  "autonomous",
]);
const DIRECTION_WORDS = new Set([
  "east",
  "west",
  "south",
  "north",
  "middle",
  "central",
  "dong",
  "xi",
  "nan",
  "bei",
  "zhong",
  "e",
  "w",
  "s",
  "n",
  "no",
  "1st",
  "2nd",
  "3rd",
]);
const STREET_WORDS = new Set([
  "road",
  "rd",
  "street",
  "st",
  "str",
  "avenue",
  "ave",
  "lu",
  "jie",
  "dajie",
  "dadao",
  "lane",
  "alley",
  "xiang",
  "boulevard",
  "blvd",
  "donglu",
  "xilu",
  "nanlu",
  "beilu",
  "zhonglu",
  "way",
]);
/** Level words that would match a division by themselves (Xi'an → "xian"): never a key alone. */
const NEVER_ALONE = new Set(Object.keys(LEVEL_WORDS));

function strengthOf(key: string, codes: readonly string[], curated: boolean): MentionStrength {
  if (CORROBORATION_ONLY_KEYS.has(key)) return "corroborate";
  if (FOREIGN_AMBIGUOUS_KEYS.has(key)) return "context";
  if (curated) return "strong";
  const g = gazetteer();
  const top = Math.min(...codes.map((c) => g.byCode.get(c)?.level ?? 2));
  return top < 2 ? "strong" : "context";
}

function matchAt(tokens: readonly AddressToken[], i: number): { key: string; words: number } | undefined {
  const latin = gazetteer().latin;
  let key = "";
  let best: { key: string; words: number } | undefined;
  for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length; n++) {
    const part = tokens[i + n - 1]?.value ?? "";
    if (!/^[a-z]+$/.test(part)) break;
    key += part;
    if (latin.has(key) && !(n === 1 && NEVER_ALONE.has(key))) best = { key, words: n };
  }
  return best;
}

/** What follows a name: its level words (consumed) and whether it is a street. */
function readSuffix(tokens: readonly AddressToken[], from: number) {
  let j = from;
  let levels: readonly (DivisionLevel | "city")[] = [];
  while (j < tokens.length) {
    const w = tokens[j]?.value ?? "";
    const lv = LEVEL_WORDS[w];
    if (lv) levels = lv;
    else if (!FILLER_WORDS.has(w)) break;
    j++;
  }
  let k = j;
  while (k < tokens.length && DIRECTION_WORDS.has(tokens[k]?.value ?? "")) k++;
  const street = levels.length === 0 && STREET_WORDS.has(tokens[k]?.value ?? "");
  return { next: j, levels, street };
}

/** Pinyin, English, Uyghur Latin and Wade-Giles place names, with or without spaces between syllables. */
export function findLatinMentions(tokens: readonly AddressToken[]): Mention[] {
  const g = gazetteer();
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = matchAt(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    const codes = g.latin.get(m.key) ?? [];
    const suffix = readSuffix(tokens, i + m.words);
    out.push({
      kind: "name",
      surface: tokens
        .slice(i, i + m.words)
        .map((t) => t.value)
        .join(" "),
      start: tokens[i]?.start ?? 0,
      candidates: codes,
      strength: strengthOf(m.key, codes, g.curated.has(m.key)),
      preferred: g.curated.get(m.key) ?? [],
      ...(suffix.levels.length > 0 ? { levelHint: suffix.levels } : {}),
      ...(suffix.street ? { street: true } : {}),
    });
    i = suffix.next;
  }
  return out;
}
