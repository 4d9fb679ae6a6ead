import { COUNTRY_TABLE, ISO_ALPHA2 } from "./country-names.ts";

const ALPHA2 = new Set(ISO_ALPHA2.split(" "));
const BY_NAME = buildIndex();

function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const line of COUNTRY_TABLE.split("\n")) {
    const [code, ...names] = line.split("|");
    if (!code) continue;
    for (const name of names) index.set(countryKey(name), code);
  }
  return index;
}

/** Case, accents, punctuation and a leading "the" do not distinguish country names. */
function countryKey(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[.'’,()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^THE /, "");
}

/**
 * ISO 3166-1 alpha-2 code for a country written as a code (`CN`, `CHN`) or a name in English or
 * Chinese (`China`, `CHINA`, `People's Republic of China`, `中国`); undefined when not recognised.
 */
export function normaliseCountry(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/[;,.]+$/, "");
  if (!trimmed) return undefined;
  const upper = trimmed.toUpperCase();
  if (upper.length === 2 && ALPHA2.has(upper)) return upper;
  return BY_NAME.get(countryKey(trimmed));
}
