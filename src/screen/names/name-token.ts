import { lazy } from "./lazy.ts";
import {
  brandTerms,
  GENERIC_WORDS,
  glossaryTerms,
  industryTerms,
  type LexiconTerm,
  STOPWORDS,
} from "./lexicon.ts";
import type { RegionRef } from "./regions.ts";

/** What kind of entity a name belongs to; the caller knows it (FtM schema) or leaves it unknown. */
export type NameKind = "company" | "person" | "vessel" | "unknown";

/**
 * What a token says about the named entity. `name` tokens identify it (trade name, personal
 * name); the others qualify it and weigh less when names are aligned.
 */
export type TokenRole =
  | "name"
  | "generic"
  | "industry"
  | "region"
  | "country"
  | "number"
  | "initial"
  | "particle";

export interface NameToken {
  /** Canonical Latin form: compared, indexed and shown. */
  readonly text: string;
  readonly role: TokenRole;
  /** Other spellings that count as the same word (pinyin of a translated word, nicknames). */
  readonly forms: readonly string[];
  /** The Chinese characters the token was read from, if any. */
  readonly han?: string;
  /** Pinyin syllables when the token reads as pinyin. */
  readonly syllables?: readonly string[];
  readonly region?: RegionRef;
  readonly country?: string;
  /** How an explanation names the token when `text` is a closed-up key ("cotton and linen"). */
  readonly label?: string;
  /** The word as written when `text` is a canonical form (army → mil, Aksu → akesu). */
  readonly written?: string;
}

export function token(text: string, role: TokenRole, extra: Partial<NameToken> = {}): NameToken {
  return { text, role, forms: [], ...extra };
}

function lookup(terms: readonly LexiconTerm[]): Map<string, LexiconTerm> {
  const map = new Map<string, LexiconTerm>();
  for (const term of terms) {
    for (const form of term.latin) {
      const key = form
        .split(" ")
        .filter((w) => !STOPWORDS.has(w))
        .join(" ");
      if (!map.has(key)) map.set(key, term);
      // ü is typed "v" or "u" (绿 lv / lu): register both.
      if (key.includes("lv") && !map.has(key.replace(/lv/g, "lu"))) map.set(key.replace(/lv/g, "lu"), term);
    }
  }
  return map;
}

export const industryByLatin: () => Map<string, LexiconTerm> = lazy(() => lookup(industryTerms()));
/** Translated words and Latin brands: each identifies a firm in any of its spellings. */
export const glossaryByLatin: () => Map<string, LexiconTerm> = lazy(() =>
  lookup([...glossaryTerms(), ...brandTerms()]),
);

const lexiconTokens = new Map<string, NameToken>();

/** A lexicon token: industry words are qualifiers, glossary words identify (East Hope). Read once, shared. */
export function lexiconToken(term: LexiconTerm, role: "industry" | "name", han?: string): NameToken {
  const key = `${role}\u0000${term.key}\u0000${han ?? ""}`;
  let known = lexiconTokens.get(key);
  if (!known) {
    known = readLexiconToken(term, role, han);
    lexiconTokens.set(key, known);
  }
  return known;
}

function readLexiconToken(term: LexiconTerm, role: "industry" | "name", han?: string): NameToken {
  const forms = term.latin.filter((form) => form !== term.key).map((form) => form.replace(/ /g, ""));
  const text = term.key.replace(/ and /g, " ").replace(/ /g, "");
  const extra = { forms, label: term.key };
  return han === undefined ? token(text, role, extra) : token(text, role, { ...extra, han });
}

export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}
