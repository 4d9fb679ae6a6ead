import { Converter } from "opencc-js/t2cn";
import { transliterate } from "./transliterate.ts";

const toSimplified = Converter({ from: "t", to: "cn" });
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

/** Traditional → Simplified Chinese; a no-op for text without Han characters. */
export function simplifyHan(text: string): string {
  return HAN.test(text) ? toSimplified(text) : text;
}

/** Removes Latin, Greek and Cyrillic accents but keeps the vowel signs other scripts need. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[ßæœøłđðþıŀ]/g, (char) => LATIN_LIGATURES[char] ?? char);
}

/**
 * Folds a name to comparable text: NFKC, Simplified Chinese, lower case, no accents, romanised
 * alphabetic scripts, punctuation as spaces. Dotted initialisms close up (J.P. → jp) because lists
 * write them both ways; a possessive 's goes; & becomes "and"; parentheses survive as their own
 * tokens so the parser can read qualifiers such as "(Shanshan)" or "(Group)".
 */
export function foldText(raw: string): string {
  // Printable ASCII has nothing to compose, simplify, strip or romanise: most names skip four passes.
  let text = PRINTABLE_ASCII.test(raw)
    ? raw.toLowerCase()
    : transliterate(stripDiacritics(simplifyHan(raw.normalize("NFKC")).toLowerCase()));
  text = text
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'s\b/gu, "$1")
    .replace(/'/g, "")
    .replace(/\b(\p{L})\.(?=\p{L}\b\.?)/gu, "$1")
    .replace(/&/g, " and ")
    .replace(/[([{（【]/g, " ( ")
    .replace(/[)\]}）】]/g, " ) ")
    .replace(/[^\p{L}\p{N}\p{M}()]+/gu, " ");
  return text.replace(/\s+/g, " ").trim();
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
