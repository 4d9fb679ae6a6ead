import { findCodeMentions } from "./find-code-mentions.ts";
import { findHanMentions } from "./find-han-mentions.ts";
import { findLatinMentions } from "./find-latin-mentions.ts";
import { findXpccMentions } from "./find-xpcc-mentions.ts";
import type { Mention } from "./mention.ts";
import { type NormalisedAddress, normaliseAddress } from "./normalise-address.ts";
import { countriesInText, parseCountry } from "./parse-country.ts";
import { type Resolution, resolveMentions } from "./resolve-mentions.ts";

export interface AddressAnalysis {
  readonly address: NormalisedAddress;
  /** ISO2 from the country argument, else from a country named in the text. */
  readonly country?: string;
  /** The country argument or the text names a country other than China. */
  readonly foreign: boolean;
  readonly chineseContext: boolean;
  readonly mentions: readonly Mention[];
  readonly resolution: Resolution;
}

const CHINA_WORDS = /\bchina\b|\bp\.?\s?r\.?\s?c\b|中国|中华人民共和国/u;

function countryFrom(countryArg: string | undefined, text: string): { iso?: string; inText: string[] } {
  const inText = countriesInText(text);
  const iso = parseCountry(countryArg) ?? (inText.length === 1 ? inText[0] : undefined);
  return iso ? { iso, inText } : { inText };
}

/** The shared first half of `locateXinjiang` and `resolveRegion`: find, weigh and resolve place signals. */
export function analyseAddress(raw: string, countryArg?: string, postalField?: string): AddressAnalysis {
  const address = normaliseAddress(raw);
  const { iso, inText } = countryFrom(countryArg, address.text);
  const mentions = [
    ...findHanMentions(address.text),
    ...findLatinMentions(address.tokens),
    ...findCodeMentions(address, postalField),
    ...findXpccMentions(address),
  ].sort((a, b) => a.start - b.start);
  const namesChina = iso === "CN" || inText.includes("CN") || CHINA_WORDS.test(address.text);
  const foreignArg = parseCountry(countryArg) !== undefined && parseCountry(countryArg) !== "CN";
  const foreignText = !namesChina && !address.hasHan && inText.some((c) => c !== "CN");
  const foreign = foreignArg || foreignText || (iso !== undefined && iso !== "CN");
  // A strong place name, XPCC marker, USCC or admin code is Chinese context; a postal code is not
  // (Indian PIN codes look the same).
  const strongChinese = mentions.some(
    (m) => m.strength === "strong" && m.kind !== "postal-code" && !m.street,
  );
  const chineseContext = !foreign && (namesChina || address.hasHan || strongChinese);
  const resolution = foreign ? { mentions: [] } : resolveMentions(mentions, chineseContext);
  return {
    address,
    ...(iso ? { country: iso } : {}),
    foreign,
    chineseContext,
    mentions,
    resolution,
  };
}
