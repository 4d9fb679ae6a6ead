import { Converter, Locale } from "opencc-js/t2cn";
import { lazy } from "./lazy.ts";
import { isAsciiOrIdeographs, transliterate } from "./transliterate.ts";

const toSimplified = lazy(() => Converter({ from: "t", to: "cn" }));
const HAN = /\p{Script=Han}/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const LATIN_LIGATURES: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ŀ: "l",
};

type Dict = string | readonly (readonly [string, string])[];

/**
 * Characters that can make OpenCC change a text: for every dictionary entry that is not an
 * identity, one character of its key (where key and value first differ). Text without any of them
 * contains no such key, so the converter would return it unchanged: most Simplified names skip it.
 */
function triggers(): Set<number> {
  const config = (
    Locale.configs as Record<string, { conversionChain: unknown; normalizationChain?: unknown }>
  ).t2s;
  const out = new Set<number>();
  const visit = (dict: Dict) => {
    const pairs = typeof dict === "string" ? dict.split("|").map((line) => line.split(" ")) : dict;
    for (const [key = "", value = ""] of pairs) {
      if (key === value) continue;
      const k = [...key];
      const v = [...value];
      const at = k.findIndex((char, i) => char !== v[i]);
      out.add((k[at >= 0 ? at : k.length - 1] ?? "").codePointAt(0) ?? 0);
    }
  };
  // Every dictionary of every chain (normalisation, conversion), however deeply grouped.
  const walk = (node: unknown): void => {
    if (typeof node === "string") visit(node);
    else if (Array.isArray(node)) {
      // A dictionary of pairs ([["體", "体"], …]) as against a group of serialised dictionaries ("a b|c d").
      const pair = (e: unknown) =>
        Array.isArray(e) && e.length === 2 && e.every((s) => typeof s === "string" && !s.includes(" "));
      if (node.length > 0 && node.every(pair)) visit(node as Dict);
      else for (const child of node) walk(child);
    }
  };
  walk(config?.normalizationChain);
  walk(config?.conversionChain);
  return out;
}

const triggerCodes = lazy(triggers);

function mayConvert(text: string): boolean {
  const codes = triggerCodes();
  for (const char of text) if (codes.has(char.codePointAt(0) ?? 0)) return true;
  return false;
}

/** Traditional → Simplified Chinese; a no-op for text without Han characters. */
export function simplifyHan(text: string): string {
  return HAN.test(text) && mayConvert(text) ? toSimplified()(text) : text;
}

/** Removes Latin, Greek and Cyrillic accents but keeps the vowel signs other scripts need. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[ßæœøłđðþıŀ]/g, (char) => LATIN_LIGATURES[char] ?? char);
}

function punctuation(text: string): string {
  return text
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'s\b/gu, "$1")
    .replace(/'/g, "")
    .replace(/\b(\p{L})\.(?=\p{L}\b\.?)/gu, "$1")
    .replace(/&/g, " and ")
    .replace(/[([{（【]/g, " ( ")
    .replace(/[)\]}）】]/g, " ) ")
    .replace(/[^\p{L}\p{N}\p{M}()]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const foldedWords = new Map<string, string>();

/**
 * Printable ASCII folds word by word (no rule reaches across a space), and words recur across
 * names (Co., Ltd., Jiangsu, Textile): each distinct word is folded once.
 */
function foldAscii(raw: string): string {
  let out = "";
  for (const word of raw.split(" ")) {
    if (word === "") continue;
    let folded = foldedWords.get(word);
    if (folded === undefined) {
      folded = punctuation(word.toLowerCase());
      if (foldedWords.size >= 100_000) foldedWords.clear();
      foldedWords.set(word, folded);
    }
    if (folded === "") continue;
    out = out === "" ? folded : `${out} ${folded}`;
  }
  return out;
}

/**
 * Folds a name to comparable text: NFKC, Simplified Chinese, lower case, no accents, romanised
 * alphabetic scripts, punctuation as spaces. Dotted initialisms close up (J.P. → jp) because lists
 * write them both ways; a possessive 's goes; & becomes "and"; parentheses survive as their own
 * tokens so the parser can read qualifiers such as "(Shanshan)" or "(Group)".
 */
export function foldText(raw: string): string {
  // Printable ASCII has nothing to compose, simplify, strip or romanise: most names skip four passes.
  if (PRINTABLE_ASCII.test(raw)) return foldAscii(raw);
  const lower = simplifyHan(raw.normalize("NFKC")).toLowerCase();
  // NFD leaves ASCII and unified ideographs as they are: nothing to strip.
  return punctuation(transliterate(isAsciiOrIdeographs(lower) ? lower : stripDiacritics(lower)));
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
