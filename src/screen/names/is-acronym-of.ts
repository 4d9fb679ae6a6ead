import { STOPWORDS } from "./lexicon.ts";
import type { NameToken } from "./name-token.ts";

/** The words a token was written as: a translated term keeps its words (production and construction). */
function writtenWords(t: NameToken): string[] {
  if (t.label) return t.label.split(" ").filter((w) => !STOPWORDS.has(w));
  return [t.written ?? t.text];
}

/**
 * True when `short` is one word of 2 to 6 letters that spells the initials of `long`'s words
 * (PLA → People's Liberation Army, XPCC → Xinjiang Production and Construction Corps).
 */
export function isAcronymOf(short: readonly NameToken[], long: readonly NameToken[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const word = short[0]?.text ?? "";
  if (!/^[a-z]{2,6}$/.test(word)) return false;
  const initials = long
    .flatMap(writtenWords)
    .map((w) => w.charAt(0))
    .join("");
  return initials === word;
}
