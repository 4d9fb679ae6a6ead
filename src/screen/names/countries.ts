import { foldText } from "./fold-text.ts";
import { keyPrefixes } from "./key-prefixes.ts";
import { lazy } from "./lazy.ts";
import { COUNTRY_NAMES } from "./tables/countries.ts";

/** Endonyms rigour's strong names miss for countries that often qualify company names. */
const EXTRA: Readonly<Record<string, string>> = {
  de: "deutschland",
  nl: "nederland",
  es: "espana",
  it: "italia",
  at: "osterreich",
  pl: "polska",
  se: "sverige",
  fi: "suomi",
  dk: "danmark",
  no: "norge",
  br: "brasil",
  us: "usa|america|united states",
  gb: "uk|britain|great britain|england",
  hk: "hong kong|hongkong",
  cn: "prc",
};

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of COUNTRY_NAMES) {
    for (const name of names) {
      const folded = foldText(name);
      if (folded && !map.has(folded)) map.set(folded, code);
    }
  }
  for (const [code, names] of Object.entries(EXTRA)) for (const name of names.split("|")) map.set(name, code);
  return map;
}

const countries = lazy(build);

/** Beginnings of country names, word by word (united → united states). */
export const countryWordStarts: () => ReadonlySet<string> = lazy(() => keyPrefixes(countries().keys(), " "));

/** ISO code for a folded country name of one or two words, or null. */
export function countryOf(folded: string): string | null {
  return countries().get(folded) ?? null;
}

/** Normalises a country given as an ISO code or a name; unknown values pass through lower-cased. */
export function countryCode(raw: string): string {
  const folded = foldText(raw);
  if (/^[a-z]{2}$/.test(folded)) return folded;
  return countryOf(folded) ?? folded;
}
