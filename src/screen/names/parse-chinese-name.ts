import { pinyin } from "pinyin-pro";
import { lazy } from "./lazy.ts";
import { hanLegalForms, type LegalForm, legalFormOf } from "./legal-forms.ts";
import { brandTerms, glossaryTerms, industryTerms, type LexiconTerm } from "./lexicon.ts";
import { lexiconToken, type NameToken, token } from "./name-token.ts";
import { hanCountyAfter, hanRegionAt, type RegionRef } from "./regions.ts";

/** A Chinese company name read as 地区 + 字号 + 行业 + 组织形式 (region, trade name, industry, legal form). */
export interface ChineseNameParts {
  readonly regions: readonly RegionRef[];
  readonly tradeName: string;
  readonly industries: readonly string[];
  readonly legalForms: readonly LegalForm[];
  readonly tokens: readonly NameToken[];
}

function termsByHan(terms: readonly LexiconTerm[]): [string, LexiconTerm][] {
  return terms.flatMap((term) => term.han.map((han) => [han, term] as [string, LexiconTerm]));
}

const COUNTRY_PREFIX = "中国";

/** Entries of a longest-first list by the code unit a key ends (or starts) with, order kept. */
function byCodeUnit<T>(
  list: readonly T[],
  keyOf: (item: T) => string,
  at: "first" | "last",
): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const code = key.charCodeAt(at === "first" ? 0 : key.length - 1);
    const bucket = map.get(code);
    if (bucket) bucket.push(item);
    else map.set(code, [item]);
  }
  return map;
}

const NONE: readonly never[] = [];

const tables = lazy(() => {
  // One-character words (棉, 硅) are left out: as a suffix they would eat into trade names (天棉).
  const industryHan = termsByHan(industryTerms())
    .filter(([han]) => han.length > 1)
    .sort((a, b) => b[0].length - a[0].length);
  const glossaryHan = termsByHan(glossaryTerms()).sort((a, b) => b[0].length - a[0].length);
  const brandHan = termsByHan(brandTerms()).sort((a, b) => b[0].length - a[0].length);
  return {
    legalByLast: byCodeUnit(hanLegalForms(), (form) => form, "last"),
    industryByLast: byCodeUnit(industryHan, ([han]) => han, "last"),
    brandByFirst: byCodeUnit(brandHan, ([han]) => han, "first"),
    glossaryByFirst: byCodeUnit(glossaryHan, ([han]) => han, "first"),
  };
});

/** Strips legal forms from the end, longest first (…集团有限公司 gives 集团 and 有限公司). */
function stripLegal(text: string): { rest: string; forms: LegalForm[] } {
  const { legalByLast } = tables();
  let rest = text;
  const forms: LegalForm[] = [];
  for (let found = true; found; ) {
    found = false;
    for (const form of legalByLast.get(rest.charCodeAt(rest.length - 1)) ?? NONE) {
      if (rest.endsWith(form) && rest.length > form.length) {
        const legal = legalFormOf(form);
        if (legal) forms.unshift(legal);
        rest = rest.slice(0, -form.length);
        found = true;
        break;
      }
    }
  }
  return { rest, forms };
}

/** Regions at the start: a province or prefecture, then counties it contains. */
function leadingRegions(text: string): { regions: RegionRef[]; start: number } {
  const regions: RegionRef[] = [];
  let start = 0;
  for (;;) {
    const parent = regions[regions.length - 1];
    const county = parent ? hanCountyAfter(text, start, parent) : null;
    // A bare county name counts only if a trade name follows it (新疆天山毛纺织: 天山 is the 字号).
    const countyOk = county !== null && trailingIndustries(text.slice(start + county.length)).rest !== "";
    const found = hanRegionAt(text, start) ?? (countyOk ? county : null);
    // Never swallow the whole name: a firm called 新疆 is still a firm.
    if (!found || start + found.length >= text.length) break;
    regions.push(found.region);
    start += found.length;
  }
  return { regions, start };
}

/** Industry words from the end (硅业, 纺织, 新能源材料科技 → three words). */
function trailingIndustries(text: string): { rest: string; terms: [string, LexiconTerm][] } {
  const { industryByLast } = tables();
  let rest = text;
  const terms: [string, LexiconTerm][] = [];
  for (let found = true; found; ) {
    found = false;
    for (const [han, term] of industryByLast.get(rest.charCodeAt(rest.length - 1)) ?? NONE) {
      if (rest.endsWith(han)) {
        terms.unshift([han, term]);
        rest = rest.slice(0, -han.length);
        found = true;
        break;
      }
    }
  }
  return { rest, terms };
}

/** Pinyin initials of a trade name of three syllables or more (绿叶硕子岛 → lyszd), as lists write them. */
export function initialism(syllables: readonly string[]): string[] {
  return syllables.length >= 3 ? [syllables.map((s) => s.charAt(0)).join("")] : [];
}

/** Reads a trade name into glossary words (东方, 希望) and pinyin chunks (华孚 → huafu). */
function tradeTokens(trade: string, syllables: readonly string[]): NameToken[] {
  const { brandByFirst, glossaryByFirst } = tables();
  const out: NameToken[] = [];
  let chunk = "";
  let chunkStart = 0;
  for (let i = 0; i < trade.length; ) {
    // A brand may follow a place the gazetteer does not know (东海晶澳: Donghai JA Solar).
    const code = trade.charCodeAt(i);
    const hit =
      brandByFirst.get(code)?.find(([han]) => trade.startsWith(han, i)) ??
      glossaryByFirst.get(code)?.find(([han]) => trade.startsWith(han, i));
    if (hit) {
      if (chunk) out.push(chunkToken(chunk, syllables.slice(chunkStart, i)));
      chunk = "";
      out.push(lexiconToken(hit[1], "name", hit[0]));
      i += hit[0].length;
      chunkStart = i;
    } else {
      if (!chunk) chunkStart = i;
      chunk += trade[i];
      i++;
    }
  }
  if (chunk) out.push(chunkToken(chunk, syllables.slice(chunkStart, trade.length)));
  return out;
}

function chunkToken(chunk: string, parts: readonly string[]): NameToken {
  return token(parts.join(""), "name", { han: chunk, syllables: parts, forms: initialism(parts) });
}

const recentTrade = new Map<string, readonly NameToken[]>();

/**
 * The tokens of a trade name (字号); trade names recur across a list's subsidiaries and branches,
 * so recent ones are kept (tokens are immutable and shared).
 */
function tradeNameTokens(trade: string): readonly NameToken[] {
  const known = recentTrade.get(trade);
  if (known) return known;
  const tokens = tradeTokens(trade, pinyin(trade, { toneType: "none", type: "array" }));
  if (recentTrade.size >= 50_000) recentTrade.clear();
  recentTrade.set(trade, tokens);
  return tokens;
}

const regionTokens = new Map<RegionRef, NameToken>();

function regionToken(region: RegionRef): NameToken {
  let known = regionTokens.get(region);
  if (!known) {
    known = token(region.pinyin, "region", { region, han: region.han });
    regionTokens.set(region, known);
  }
  return known;
}

/**
 * Parses a Chinese company name (Simplified, no spaces). Pinyin comes from the whole name so
 * pinyin-pro can resolve polyphones in context (银行 yínháng, 重庆 chóngqìng).
 */
export function parseChineseName(text: string, parenRegions: readonly RegionRef[] = []): ChineseNameParts {
  const { rest: withoutLegal, forms } = stripLegal(text);
  let body = withoutLegal;
  const tokens: NameToken[] = [];
  if (body.startsWith(COUNTRY_PREFIX) && body.length > COUNTRY_PREFIX.length) {
    tokens.push(token("cn", "country", { country: "cn", han: COUNTRY_PREFIX }));
    body = body.slice(COUNTRY_PREFIX.length);
  }
  const { regions, start } = leadingRegions(body);
  const { rest: trade, terms } = trailingIndustries(body.slice(start));
  const allRegions = [...regions, ...parenRegions];
  for (const region of allRegions) tokens.push(regionToken(region));
  for (const t of tradeNameTokens(trade)) tokens.push(t);
  for (const [han, term] of terms) tokens.push(lexiconToken(term, "industry", han));
  return {
    regions: allRegions,
    tradeName: trade,
    industries: terms.map(([, term]) => term.key),
    legalForms: forms,
    tokens,
  };
}
