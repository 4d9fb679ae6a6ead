import { countryOf } from "./countries.ts";
import { type LegalForm, legalFormLengthAt, legalFormLengthBefore, legalFormOf } from "./legal-forms.ts";
import { ABBREVIATIONS, NAME_PARTICLES, NUMBER_WORDS, STOPWORDS } from "./lexicon.ts";
import {
  GLOSSARY_BY_LATIN,
  INDUSTRY_BY_LATIN,
  isGenericWord,
  lexiconToken,
  type NameKind,
  type NameToken,
  token,
} from "./name-token.ts";
import { initialism } from "./parse-chinese-name.ts";
import { latinRegions, type RegionRef } from "./regions.ts";
import { regroupPinyin, type Word } from "./regroup-pinyin.ts";
import { splitPinyin } from "./split-pinyin.ts";
import { PREFIXES, personForms, symbolOf } from "./symbols.ts";

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(text: string): number | null {
  if (!text || !ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i] ?? ""] ?? 0;
    const next = ROMAN_VALUES[text[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Splits folded text into words, remembering which stood in parentheses. */
function words(folded: string, kind: NameKind): Word[] {
  const out: Word[] = [];
  let depth = 0;
  for (const part of folded.split(" ")) {
    if (part === "(") depth++;
    else if (part === ")") depth = Math.max(0, depth - 1);
    else if (part) {
      const expanded = ABBREVIATIONS[part] ?? part;
      for (const text of expanded.split(" ")) out.push({ text, paren: depth > 0 });
    }
  }
  // Chinese registry romanisations are company names; personal names are never regrouped.
  return kind === "person" ? out : regroupPinyin(out);
}

/** Number words and Roman numerals become digits, so "Forty-Four", "Forty 4" and "44" meet. */
function numbers(list: Word[], kind: NameKind): Word[] {
  const out: Word[] = [];
  for (const [i, word] of list.entries()) {
    const value = NUMBER_WORDS[word.text];
    const previous = out[out.length - 1];
    const roman = kind !== "person" && i > 0 ? romanValue(word.text) : null;
    if (value !== undefined && kind !== "person") {
      const tens = previous && /^[2-9]0$/.test(previous.text) && value < 10;
      if (tens && previous)
        out[out.length - 1] = { ...previous, text: String(Number(previous.text) + value) };
      else out.push({ ...word, text: String(value) });
    } else if (/^\d$/.test(word.text) && previous && /^[2-9]0$/.test(previous.text)) {
      out[out.length - 1] = { ...previous, text: String(Number(previous.text) + Number(word.text)) };
    } else out.push(roman !== null && roman > 0 ? { ...word, text: String(roman) } : word);
  }
  return out;
}

function dropPrefixes(list: Word[], kind: NameKind): Word[] {
  const prefixes = PREFIXES[kind];
  let start = 0;
  for (let again = true; again && start < list.length - 1; ) {
    again = false;
    for (let size = Math.min(4, list.length - start - 1); size >= 1; size--) {
      const phrase = list
        .slice(start, start + size)
        .map((w) => w.text)
        .join(" ");
      if (prefixes.has(phrase)) {
        start += size;
        again = true;
        break;
      }
    }
  }
  return list.slice(start);
}

/** Legal forms at either end, in parentheses, or (two words or more) anywhere. */
function stripLegalForms(list: Word[], kind: NameKind): { words: Word[]; forms: LegalForm[] } {
  const texts = list.map((w) => w.text);
  const keep = list.map(() => true);
  const forms: LegalForm[] = [];
  const take = (start: number, size: number) => {
    const text = texts.slice(start, start + size).join(" ");
    const form = legalFormOf(text);
    if (form) forms.push(form);
    for (let i = start; i < start + size; i++) keep[i] = false;
  };
  let end = texts.length;
  for (let size = legalFormLengthBefore(texts, end); size > 0 && end - size > 0; ) {
    take(end - size, size);
    end -= size;
    size = legalFormLengthBefore(texts, end);
  }
  if (kind !== "person") {
    let start = 0;
    for (let size = legalFormLengthAt(texts, 0); size > 0 && start + size < end; ) {
      take(start, size);
      start += size;
      size = legalFormLengthAt(texts, start);
    }
    for (let i = start; i < end; i++) {
      const size = legalFormLengthAt(texts, i);
      const inParens = list[i]?.paren && list[i + size - 1]?.paren;
      if (size >= 2 || (size === 1 && inParens)) take(i, size);
      if (size > 0) i += size - 1;
    }
  }
  return { words: list.filter((_, i) => keep[i]), forms };
}

export { dropPrefixes, numbers, stripLegalForms, words };

/** Region tokens: provinces and prefectures anywhere; counties in parentheses or after their parent. */
function regionAt(
  list: Word[],
  i: number,
  previous: RegionRef | undefined,
): { region: RegionRef; size: number } | null {
  for (const size of [2, 1]) {
    const slice = list.slice(i, i + size);
    if (slice.length < size) continue;
    const found = latinRegions(slice.map((w) => w.text).join(size === 2 ? " " : ""));
    // A bare county after its parent counts only if a trade name may follow (not "Tianshan Wool").
    const next = list[i + size]?.text;
    const nameFollows = next !== undefined && !INDUSTRY_BY_LATIN.has(next);
    const usable = found.find(
      (r) =>
        r.level < 2 ||
        slice[0]?.paren ||
        (previous !== undefined && nameFollows && r.code.startsWith(previous.code)),
    );
    if (usable) return { region: usable, size };
  }
  return null;
}

function lexiconAt(list: Word[], i: number): { token: NameToken; size: number } | null {
  for (const size of [3, 2, 1]) {
    if (list.length < i + size) continue;
    const phrase = list
      .slice(i, i + size)
      .map((w) => w.text)
      .filter((w) => !STOPWORDS.has(w))
      .join(" ");
    const industry = INDUSTRY_BY_LATIN.get(phrase);
    if (industry) return { token: lexiconToken(industry, "industry"), size };
    const glossary = GLOSSARY_BY_LATIN.get(phrase);
    if (glossary && size > 1) return { token: lexiconToken(glossary, "name"), size };
  }
  return null;
}

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "9": "g" };

const knownTokens = new Map<string, NameToken>();

/** Words recur across names (industries, places, trade names): each is read once, tokens are immutable. */
function plainToken(raw: string, kind: NameKind): NameToken {
  const key = `${kind}\u0000${raw}`;
  let known = knownTokens.get(key);
  if (!known) {
    known = readPlainToken(raw, kind);
    if (knownTokens.size >= 50_000) knownTokens.clear();
    knownTokens.set(key, known);
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
  const glossary = GLOSSARY_BY_LATIN.get(text);
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
      out.push(token(country.code, "country", { country: country.code, forms: [written], written }));
      i += country.size;
    } else if (region) {
      previous = region.region;
      const written = list
        .slice(i, i + region.size)
        .map((w) => w.text)
        .join("");
      out.push(token(region.region.pinyin, "region", { region: region.region, forms: [written], written }));
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
  for (const size of [3, 2, 1]) {
    if (list.length < i + size) continue;
    const code = countryOf(
      list
        .slice(i, i + size)
        .map((w) => w.text)
        .join(" "),
    );
    if (code) return { code, size };
  }
  return null;
}
