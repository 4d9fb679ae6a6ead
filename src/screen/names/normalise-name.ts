import { foldText } from "./fold-text.ts";
import type { LegalForm } from "./legal-forms.ts";
import type { NameKind, NameToken } from "./name-token.ts";
import { parseChineseName } from "./parse-chinese-name.ts";
import { hanRegionNamed, type RegionRef } from "./regions.ts";
import { dropPrefixes, numbers, stripLegalForms, tagWords, words } from "./tokenise-latin.ts";

export type { NameKind, NameToken, TokenRole } from "./name-token.ts";

/** A name read once per record: folded text, tokens with roles, and the parts an analyst sees. */
export interface NormalisedName {
  readonly raw: string;
  readonly kind: NameKind;
  readonly script: "han" | "latin" | "other";
  /** Folded text, legal forms included. */
  readonly folded: string;
  /** Tokens in the order written, legal forms and stopwords removed, duplicates dropped. */
  readonly tokens: readonly NameToken[];
  readonly legalForms: readonly LegalForm[];
  readonly regions: readonly RegionRef[];
  readonly industries: readonly string[];
  readonly countries: readonly string[];
  /** The identifying part as written (字号 for Chinese names), for explanations. */
  readonly tradeName: string;
}

export interface NormaliseOptions {
  readonly kind?: NameKind;
}

const HAN_CHAR = /^\p{Script=Han}$/u;
const LATIN_CHAR = /^\p{Script=Latin}$/u;
/** Script of each non-ASCII character seen: 1 Han, 2 Latin, 0 other. */
const scriptOfChar = new Map<number, number>();

function charScript(code: number): number {
  let known = scriptOfChar.get(code);
  if (known === undefined) {
    const char = String.fromCodePoint(code);
    known = HAN_CHAR.test(char) ? 1 : LATIN_CHAR.test(char) ? 2 : 0;
    scriptOfChar.set(code, known);
  }
  return known;
}

/** ASCII letters are Latin; nothing else in ASCII is Han or Latin. */
function asciiScript(code: number): number {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 2 : 0;
}

function script(folded: string): NormalisedName["script"] {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.codePointAt(i) as number;
    if (code > 0xffff) i++;
    const kind = code < 0x80 ? asciiScript(code) : charScript(code);
    if (kind === 1) han++;
    else if (kind === 2) latin++;
  }
  if (han > 0 && han * 3 >= latin) return "han";
  return latin > 0 || folded === "" ? "latin" : "other";
}

const seenTokens = new Set<string>();

function dedupe(tokens: readonly NameToken[]): NameToken[] {
  seenTokens.clear();
  const out: NameToken[] = [];
  for (const t of tokens) {
    const key = `${t.role}:${t.text}`;
    if (seenTokens.has(key)) continue;
    seenTokens.add(key);
    out.push(t);
  }
  return out;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Chinese: regions in parentheses (合盛硅业(鄯善)有限公司) are read apart from the body. */
function normaliseHan(
  folded: string,
  kind: NameKind,
): Omit<NormalisedName, "raw" | "kind" | "script" | "folded"> {
  const parenRegions: RegionRef[] = [];
  const body = !folded.includes("(")
    ? folded
    : folded.replace(/\(\s*([^()]*?)\s*\)/g, (_whole, inner: string) => {
        const compact = inner.replace(/ /g, "");
        const found = hanRegionNamed(compact);
        if (found) {
          parenRegions.push(found);
          return "";
        }
        return compact;
      });
  // Most Chinese names are Han characters only: nothing to split.
  const onlyHan = HAN_ONLY.test(body);
  const han = onlyHan ? body : body.replace(/[^\p{Script=Han}]/gu, "");
  const latin = onlyHan ? "" : body.replace(/\p{Script=Han}/gu, " ").trim();
  const parts = parseChineseName(han, parenRegions);
  const latinPart = latin ? normaliseLatin(latin, kind) : null;
  const tokens = [...parts.tokens, ...(latinPart?.tokens ?? [])];
  return {
    tokens: kind === "person" ? personHan(tokens) : tokens,
    legalForms: [...parts.legalForms, ...(latinPart?.legalForms ?? [])],
    regions: parts.regions,
    industries: parts.industries,
    countries: tokens.flatMap((t) => (t.country ? [t.country] : [])),
    tradeName: parts.tradeName,
  };
}

/** A Chinese personal name is one token (习近平 → xijinping), compared character by character. */
function personHan(tokens: readonly NameToken[]): NameToken[] {
  const han = tokens.map((t) => t.han ?? "").join("");
  const syllables = tokens.flatMap((t) => t.syllables ?? [t.text]);
  return [{ text: syllables.join(""), role: "name", forms: [], han, syllables }];
}

function normaliseLatin(
  folded: string,
  kind: NameKind,
): Omit<NormalisedName, "raw" | "kind" | "script" | "folded"> {
  const list = dropPrefixes(numbers(words(folded, kind), kind), kind);
  const { words: rest, forms } = stripLegalForms(list, kind);
  const tagged = tagWords(rest, kind);
  // Repeated words in a company name add nothing; in a personal name they may be two people's names.
  const tokens = kind === "person" ? tagged : dedupe(tagged);
  const regions: RegionRef[] = [];
  const industries: string[] = [];
  const countries: string[] = [];
  let tradeName = "";
  let trade = 0;
  for (const t of tokens) {
    if (t.region) regions.push(t.region);
    if (t.role === "industry") industries.push(t.label ?? t.text);
    if (t.country) countries.push(t.country);
    if (t.role === "name") tradeName = trade++ === 0 ? t.text : `${tradeName} ${t.text}`;
  }
  return { tokens, legalForms: forms, regions, industries, countries, tradeName };
}

/**
 * Normalises a name once per record: NFKC, Traditional → Simplified, case, accents and
 * punctuation folded, legal forms removed and recorded, abbreviations expanded, regions,
 * industries and countries recognised. Idempotent on its own folded output, and the token set
 * does not depend on word order.
 */
export function normaliseName(raw: string, options: NormaliseOptions = {}): NormalisedName {
  const kind = options.kind ?? "unknown";
  const names = recent[kind];
  const known = names.get(raw);
  if (known) return known;
  const name = normaliseOnce(raw, kind);
  if (names.size >= RECENT_LIMIT) names.clear();
  names.set(raw, name);
  return name;
}

/**
 * `normaliseName` without the memo of recent names: for callers that keep (or drop) the result
 * themselves, such as the index build, where a memo would only keep a million names alive
 * long enough to be copied into the old generation.
 */
export function normaliseNameOnce(raw: string, options: NormaliseOptions = {}): NormalisedName {
  return normaliseOnce(raw, options.kind ?? "unknown");
}

/**
 * Names recur (a party on every event, a list name in every screening): the last few thousand
 * of each kind are kept. Normalised names are immutable, so sharing one is safe.
 */
const recent: Record<NameKind, Map<string, NormalisedName>> = {
  company: new Map(),
  person: new Map(),
  vessel: new Map(),
  unknown: new Map(),
};
const RECENT_LIMIT = 20_000;

function normaliseOnce(raw: string, kind: NameKind): NormalisedName {
  const folded = foldText(raw);
  const kindOfScript = script(folded);
  // "han" means Han characters were counted, so hasHan holds.
  const parts = kindOfScript === "han" ? normaliseHan(folded, kind) : normaliseLatin(folded, kind);
  return {
    raw,
    kind,
    script: kindOfScript,
    folded,
    tokens: parts.tokens,
    legalForms: parts.legalForms,
    regions: parts.regions,
    industries: parts.industries,
    countries: parts.countries,
    tradeName: parts.tradeName,
  };
}
