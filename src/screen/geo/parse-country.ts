/**
 * Country names and codes as they appear in supplier data (OSH uploads say "CHINA", "CN", "China",
 * "Viet Nam"…), mapped to ISO 3166-1 alpha-2. Not exhaustive: the countries of the cotton and
 * apparel chains, and every country with a place that looks like a Xinjiang one.
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  CN: [
    "china",
    "prc",
    "p r c",
    "peoples republic of china",
    "people s republic of china",
    "mainland china",
    "chn",
    "中国",
    "中华人民共和国",
    "中國",
  ],
  HK: ["hong kong", "hongkong", "hkg", "香港"],
  MO: ["macau", "macao", "澳门"],
  TW: ["taiwan", "twn", "republic of china", "台湾", "臺灣"],
  RU: ["russia", "russian federation", "rus"],
  KZ: ["kazakhstan", "kaz", "qazaqstan"],
  KG: ["kyrgyzstan", "kyrgyz republic", "kgz"],
  TJ: ["tajikistan"],
  UZ: ["uzbekistan"],
  TM: ["turkmenistan"],
  MN: ["mongolia"],
  IN: ["india", "ind", "bharat"],
  PK: ["pakistan", "pak"],
  BD: ["bangladesh", "bgd"],
  VN: ["vietnam", "viet nam", "vnm"],
  KH: ["cambodia", "khm"],
  ID: ["indonesia", "idn"],
  TH: ["thailand", "tha"],
  MM: ["myanmar", "burma"],
  LK: ["sri lanka", "lka"],
  MY: ["malaysia"],
  PH: ["philippines"],
  JP: ["japan", "jpn"],
  KR: ["south korea", "korea", "republic of korea", "kor"],
  TR: ["turkey", "turkiye", "tur"],
  US: ["united states", "united states of america", "usa", "u s a", "u s"],
  GB: ["united kingdom", "uk", "great britain", "england", "gbr"],
  DE: ["germany", "deu"],
  FR: ["france"],
  IT: ["italy", "ita"],
  ES: ["spain", "esp"],
  PT: ["portugal"],
  NL: ["netherlands"],
  ET: ["ethiopia"],
  EG: ["egypt"],
  MA: ["morocco"],
  MX: ["mexico", "mex"],
  GT: ["guatemala"],
  HN: ["honduras"],
  SV: ["el salvador"],
  NI: ["nicaragua"],
  BR: ["brazil", "brasil"],
  PE: ["peru"],
  AU: ["australia"],
  CA: ["canada"],
  JO: ["jordan"],
};

const BY_NAME = new Map<string, string>();
for (const [iso, names] of Object.entries(NAMES)) {
  BY_NAME.set(iso.toLowerCase(), iso);
  for (const n of names) BY_NAME.set(n, iso);
}

function key(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** ISO2 for a country field ("CHINA", "CN", "People's Republic of China", "中国"); undefined if unknown. */
export function parseCountry(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  return BY_NAME.get(key(raw)) ?? BY_NAME.get(key(raw).replace(/^the /, ""));
}

/** Short forms that are safe to look for in free text ("Ind." is Industrial, "Tur" a street). */
const TEXT_SHORT_NAMES = new Set(["usa", "prc", "chn", "p r c", "u s a"]);
const HAN_NAMES = [...BY_NAME].filter(([name]) => /\p{Script=Han}/u.test(name));
const MAX_NAME_WORDS = 5;

function usableInText(name: string): boolean {
  return name.length > 3 || TEXT_SHORT_NAMES.has(name);
}

/**
 * Countries named inside free text, by whole words ("…, Pavlodar, Kazakhstan"). Two-letter codes
 * are not looked for here: "in", "id", "us" are words.
 */
export function countriesInText(text: string): string[] {
  const words = key(text).split(" ");
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let name = "";
    for (let n = 0; n < MAX_NAME_WORDS && i + n < words.length; n++) {
      name = n === 0 ? (words[i] ?? "") : `${name} ${words[i + n]}`;
      const iso = BY_NAME.get(name);
      if (iso && usableInText(name)) found.add(iso);
    }
  }
  for (const [name, iso] of HAN_NAMES) if (text.includes(name)) found.add(iso);
  return [...found];
}
