import { foldText, hasHan } from "./fold-text.ts";
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

function script(folded: string): NormalisedName["script"] {
  const han = (folded.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (folded.match(/\p{Script=Latin}/gu) ?? []).length;
  if (han > 0 && han * 3 >= latin) return "han";
  return latin > 0 || folded === "" ? "latin" : "other";
}

function dedupe(tokens: readonly NameToken[]): NameToken[] {
  const seen = new Set<string>();
  return tokens.filter((t) => {
    const key = `${t.role}:${t.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Chinese: regions in parentheses (合盛硅业(鄯善)有限公司) are read apart from the body. */
function normaliseHan(
  folded: string,
  kind: NameKind,
): Omit<NormalisedName, "raw" | "kind" | "script" | "folded"> {
  const parenRegions: RegionRef[] = [];
  const body = folded.replace(/\(\s*([^()]*?)\s*\)/g, (_whole, inner: string) => {
    const compact = inner.replace(/ /g, "");
    const found = hanRegionNamed(compact);
    if (found) {
      parenRegions.push(found);
      return "";
    }
    return compact;
  });
  const han = body.replace(/[^\p{Script=Han}]/gu, "");
  const latin = body.replace(/\p{Script=Han}/gu, " ").trim();
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
  const trade = tokens.filter((t) => t.role === "name");
  return {
    tokens,
    legalForms: forms,
    regions: tokens.flatMap((t) => (t.region ? [t.region] : [])),
    industries: tokens.flatMap((t) => (t.role === "industry" ? [t.label ?? t.text] : [])),
    countries: tokens.flatMap((t) => (t.country ? [t.country] : [])),
    tradeName: trade.map((t) => t.text).join(" "),
  };
}

/**
 * Normalises a name once per record: NFKC, Traditional → Simplified, case, accents and
 * punctuation folded, legal forms removed and recorded, abbreviations expanded, regions,
 * industries and countries recognised. Idempotent on its own folded output, and the token set
 * does not depend on word order.
 */
export function normaliseName(raw: string, options: NormaliseOptions = {}): NormalisedName {
  const kind = options.kind ?? "unknown";
  const key = `${kind}\u0000${raw}`;
  const known = recent.get(key);
  if (known) return known;
  const name = normaliseOnce(raw, kind);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, name);
  return name;
}

/**
 * Names recur (a party on every event, a list name in every screening): the last few thousand
 * are kept. Normalised names are immutable, so sharing one is safe.
 */
const recent = new Map<string, NormalisedName>();
const RECENT_LIMIT = 20_000;

function normaliseOnce(raw: string, kind: NameKind): NormalisedName {
  const folded = foldText(raw);
  const kindOfScript = script(folded);
  const parts =
    hasHan(folded) && kindOfScript === "han" ? normaliseHan(folded, kind) : normaliseLatin(folded, kind);
  return { raw, kind, script: kindOfScript, folded, ...parts };
}
