import { countryOf, countryWordStarts } from "./countries.ts";
import { keyPrefixes } from "./key-prefixes.ts";
import { lazy } from "./lazy.ts";
import { type LegalForm, legalFormLengthAt, legalFormLengthBefore, legalFormOf } from "./legal-forms.ts";
import { ABBREVIATIONS, NAME_PARTICLES, NUMBER_WORDS, STOPWORDS } from "./lexicon.ts";
import {
  glossaryByLatin,
  industryByLatin,
  isGenericWord,
  lexiconToken,
  type NameKind,
  type NameToken,
  token,
} from "./name-token.ts";
import { initialism } from "./parse-chinese-name.ts";
import { latinRegions, latinRegionWordStarts, type RegionRef } from "./regions.ts";
import { regroupPinyin, type Word } from "./regroup-pinyin.ts";
import { splitPinyin } from "./split-pinyin.ts";
import { prefixes as namePrefixes, personForms, symbolOf } from "./symbols.ts";

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(text: string): number | null {
  // Every numeral starts with x, i or v: most words stop at the first letter.
  const first = text.charAt(0);
  if (first !== "x" && first !== "i" && first !== "v") return null;
  if (!ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i] ?? ""] ?? 0;
    const next = ROMAN_VALUES[text[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Word-keyed tables as maps: "constructor" is a company name, not Object's constructor. */
const ABBREVIATION = new Map(Object.entries(ABBREVIATIONS));
const NUMBER_WORD = new Map(Object.entries(NUMBER_WORDS));

/** A word, or the words of its expansion (grp → group, comm → commerce). */
function pushExpanded(out: Word[], part: string, paren: boolean): void {
  const expanded = ABBREVIATION.get(part) ?? part;
  if (!expanded.includes(" ")) out.push({ text: expanded, paren });
  else for (const text of expanded.split(" ")) out.push({ text, paren });
}

/** Splits folded text into words, remembering which stood in parentheses. */
function words(folded: string, kind: NameKind): Word[] {
  const out: Word[] = [];
  let depth = 0;
  for (const part of folded.split(" ")) {
    if (part === "(") depth++;
    else if (part === ")") depth = Math.max(0, depth - 1);
    else if (part) pushExpanded(out, part, depth > 0);
  }
  // Chinese registry romanisations are company names; personal names are never regrouped.
  return kind === "person" ? out : regroupPinyin(out);
}

const isDigit = (text: string) => text.length === 1 && text >= "0" && text <= "9";
const isRoundTens = (text: string) =>
  text.length === 2 && text.charAt(1) === "0" && text >= "20" && text <= "90";

/** Number words and Roman numerals become digits, so "Forty-Four", "Forty 4" and "44" meet. */
function numbers(list: Word[], kind: NameKind): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as Word;
    const value = NUMBER_WORD.get(word.text);
    const previous = out[out.length - 1];
    if (value !== undefined && kind !== "person") {
      const tens = previous && isRoundTens(previous.text) && value < 10;
      if (tens && previous)
        out[out.length - 1] = { ...previous, text: String(Number(previous.text) + value) };
      else out.push({ ...word, text: String(value) });
    } else if (isDigit(word.text) && previous && isRoundTens(previous.text)) {
      out[out.length - 1] = { ...previous, text: String(Number(previous.text) + Number(word.text)) };
    } else {
      const roman = kind !== "person" && i > 0 ? romanValue(word.text) : null;
      out.push(roman !== null && roman > 0 ? { ...word, text: String(roman) } : word);
    }
  }
  return out;
}

const prefixStarts = lazy((): Readonly<Record<NameKind, ReadonlySet<string>>> => {
  const all = namePrefixes();
  return {
    person: keyPrefixes(all.person, " "),
    company: keyPrefixes(all.company, " "),
    vessel: keyPrefixes(all.vessel, " "),
    unknown: keyPrefixes(all.unknown, " "),
  };
});

/** The longest prefix phrase (The, MV…) at `start`, as a word count, or 0. */
function prefixAt(
  list: Word[],
  start: number,
  most: number,
  prefixes: ReadonlySet<string>,
  starts: ReadonlySet<string>,
): number {
  let found = 0;
  let phrase = "";
  for (let size = 1; size <= most; size++) {
    const text = list[start + size - 1]?.text ?? "";
    phrase = size === 1 ? text : `${phrase} ${text}`;
    if (!starts.has(phrase)) break;
    if (prefixes.has(phrase)) found = size;
  }
  return found;
}

function dropPrefixes(list: Word[], kind: NameKind): Word[] {
  const prefixes = namePrefixes()[kind];
  const starts = prefixStarts()[kind];
  let start = 0;
  for (let again = true; again && start < list.length - 1; ) {
    again = false;
    const found = prefixAt(list, start, Math.min(4, list.length - start - 1), prefixes, starts);
    if (found > 0) {
      start += found;
      again = true;
    }
  }
  return start === 0 ? list : list.slice(start);
}

/** Legal forms at either end, in parentheses, or (two words or more) anywhere. */
function stripLegalForms(list: Word[], kind: NameKind): { words: Word[]; forms: LegalForm[] } {
  const texts = list.map((w) => w.text);
  const keep = list.map(() => true);
  const forms: LegalForm[] = [];
  let end = texts.length;
  for (let size = legalFormLengthBefore(texts, end); size > 0 && end - size > 0; ) {
    take(texts, keep, forms, end - size, size);
    end -= size;
    size = legalFormLengthBefore(texts, end);
  }
  if (kind !== "person") {
    let start = 0;
    for (let size = legalFormLengthAt(texts, 0); size > 0 && start + size < end; ) {
      take(texts, keep, forms, start, size);
      start += size;
      size = legalFormLengthAt(texts, start);
    }
    for (let i = start; i < end; i++) {
      const size = legalFormLengthAt(texts, i);
      const inParens = list[i]?.paren && list[i + size - 1]?.paren;
      if (size >= 2 || (size === 1 && inParens)) take(texts, keep, forms, i, size);
      if (size > 0) i += size - 1;
    }
  }
  return { words: forms.length === 0 ? list : list.filter((_, i) => keep[i]), forms };
}

function take(
  texts: readonly string[],
  keep: boolean[],
  forms: LegalForm[],
  start: number,
  size: number,
): void {
  const form = legalFormOf(texts.slice(start, start + size).join(" "));
  if (form) forms.push(form);
  for (let i = start; i < start + size; i++) keep[i] = false;
}

export { dropPrefixes, numbers, stripLegalForms, words };

/** Region tokens: provinces and prefectures anywhere; counties in parentheses or after their parent. */
function regionAt(
  list: Word[],
  i: number,
  previous: RegionRef | undefined,
): { region: RegionRef; size: number } | null {
  const first = list[i];
  if (!first) return null;
  const wordStarts = latinRegionWordStarts();
  for (let size = 2; size >= 1; size--) {
    if (i + size > list.length) continue;
    // Two words only where a region name of two words starts (inner mongolia, hong kong).
    if (size === 2 && !wordStarts.has(first.text)) continue;
    const found = latinRegions(size === 2 ? `${first.text} ${list[i + 1]?.text ?? ""}` : first.text);
    if (found.length === 0) continue;
    // A bare county after its parent counts only if a trade name may follow (not "Tianshan Wool").
    const next = list[i + size]?.text;
    const nameFollows = next !== undefined && !industryByLatin().has(next);
    const usable = found.find(
      (r) =>
        r.level < 2 ||
        first.paren ||
        (previous !== undefined && nameFollows && r.code.startsWith(previous.code)),
    );
    if (usable) return { region: usable, size };
  }
  return null;
}

/** The phrase of each length (1 to 3) at `i`: its words but the stopwords, joined with spaces. */
function phrasesAt(list: Word[], i: number): string[] {
  const phrases: string[] = [];
  let phrase = "";
  let kept = 0;
  for (let size = 1; size <= 3 && i + size <= list.length; size++) {
    const text = list[i + size - 1]?.text ?? "";
    if (!STOPWORDS.has(text)) {
      phrase = kept === 0 ? text : `${phrase} ${text}`;
      kept++;
    }
    phrases[size] = phrase;
  }
  return phrases;
}

const lexiconStarts = lazy(() =>
  keyPrefixes([...industryByLatin().keys(), ...glossaryByLatin().keys()], " "),
);

function lexiconAt(list: Word[], i: number): { token: NameToken; size: number } | null {
  const first = list[i]?.text ?? "";
  // Every phrase starts with the first word unless that is a stopword: most words start no term.
  if (!STOPWORDS.has(first) && !lexiconStarts().has(first)) return null;
  const phrases = phrasesAt(list, i);
  for (let size = phrases.length - 1; size >= 1; size--) {
    const text = phrases[size] as string;
    const industry = industryByLatin().get(text);
    if (industry) return { token: lexiconToken(industry, "industry"), size };
    const glossary = glossaryByLatin().get(text);
    if (glossary && size > 1) return { token: lexiconToken(glossary, "name"), size };
  }
  return null;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "9": "g" };

const knownTokens: Record<NameKind, Map<string, NameToken>> = {
  company: new Map(),
  person: new Map(),
  vessel: new Map(),
  unknown: new Map(),
};

/** Words recur across names (industries, places, trade names): each is read once, tokens are immutable. */
function plainToken(raw: string, kind: NameKind): NameToken {
  const tokens = knownTokens[kind];
  let known = tokens.get(raw);
  if (!known) {
    known = readPlainToken(raw, kind);
    if (tokens.size >= 50_000) tokens.clear();
    tokens.set(raw, known);
  }
  return known;
}

const placeTokens = new Map<string, NameToken>();

/** A region or country token as written (Aksu, XUAR, China): shared like plain words. */
function placeToken(
  text: string,
  role: "region" | "country",
  written: string,
  region?: RegionRef,
): NameToken {
  const key = `${role}\u0000${region?.code ?? text}\u0000${written}`;
  let known = placeTokens.get(key);
  if (!known) {
    known = region
      ? token(text, role, { region, forms: [written], written })
      : token(text, role, { country: text, forms: [written], written });
    if (placeTokens.size >= 10_000) placeTokens.clear();
    placeTokens.set(key, known);
  }
  return known;
}

function readPlainToken(raw: string, kind: NameKind): NameToken {
  // People have no series numbers: digits inside a word are look-alike letters (Ig0r Sech1n).
  const text = kind === "person" && /\p{L}/u.test(raw) ? raw.replace(/[013459]/g, (d) => LEET[d] ?? d) : raw;
  // Digits anywhere make a series or registration marker (2004, AR16), compared exactly.
  if (/\d/.test(text)) return token(text, "number");
  if (text.length === 1 && /\p{L}/u.test(text)) return token(text, "initial");
  if (kind === "person") {
    const forms = personForms(text);
    // "Ben" is a particle in Ben Ali but a name in Ben Netanyahu: nickname forms decide.
    if (NAME_PARTICLES.has(text) && forms.length === 0) return token(text, "particle");
    return token(text, "name", { forms });
  }
  const glossary = glossaryByLatin().get(text);
  if (glossary) return lexiconToken(glossary, "name");
  const symbol = symbolOf(text);
  const canonical = symbol ?? text;
  const role = isGenericWord(text) || isGenericWord(canonical) ? "generic" : "name";
  const syllables = splitPinyin(canonical);
  const extra = syllables && syllables.length > 1 ? { syllables } : {};
  const forms = [...(symbol ? [text] : []), ...initialism(syllables ?? [])];
  return token(canonical, role, symbol ? { ...extra, forms, written: text } : { ...extra, forms });
}

/** Tags each word with its role: region, country, industry, number, name… */
export function tagWords(list: Word[], kind: NameKind): NameToken[] {
  const out: NameToken[] = [];
  let previous: RegionRef | undefined;
  for (let i = 0; i < list.length; ) {
    const text = list[i]?.text ?? "";
    if (STOPWORDS.has(text) && kind !== "person") {
      i++;
      continue;
    }
    const region = kind === "person" ? null : regionAt(list, i, previous);
    const country = kind === "person" ? null : countryAt(list, i);
    const lexicon = kind === "person" ? null : lexiconAt(list, i);
    if (country && (!region || country.size >= region.size)) {
      const written = list
        .slice(i, i + country.size)
        .map((w) => w.text)
        .join("");
      out.push(placeToken(country.code, "country", written));
      i += country.size;
    } else if (region) {
      previous = region.region;
      const written = list
        .slice(i, i + region.size)
        .map((w) => w.text)
        .join("");
      out.push(placeToken(region.region.pinyin, "region", written, region.region));
      i += region.size;
    } else if (lexicon) {
      out.push(lexicon.token);
      i += lexicon.size;
    } else if (kind === "person" && /^[^aeiouy\d]{2,3}$/.test(text)) {
      // Vowel-less short words in personal names are run-together initials (JC Juncker).
      for (const letter of text) out.push(token(letter, "initial"));
      i++;
    } else {
      out.push(plainToken(text, kind));
      i++;
    }
  }
  return out;
}

function countryAt(list: Word[], i: number): { code: string; size: number } | null {
  let found: { code: string; size: number } | null = null;
  let phrase = "";
  const starts = countryWordStarts();
  for (let size = 1; size <= 3 && i + size <= list.length; size++) {
    const text = list[i + size - 1]?.text ?? "";
    phrase = size === 1 ? text : `${phrase} ${text}`;
    if (!starts.has(phrase)) break;
    const code = countryOf(phrase);
    if (code) found = { code, size };
  }
  return found;
}
