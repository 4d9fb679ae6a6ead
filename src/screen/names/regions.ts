import { keyPrefixes } from "./key-prefixes.ts";
import { CN_DIVISIONS } from "./tables/divisions.ts";

/** A Chinese administrative division found in a name. */
export interface RegionRef {
  readonly code: string;
  readonly han: string;
  readonly pinyin: string;
  /** 0 province, 1 prefecture, 2 county. */
  readonly level: 0 | 1 | 2;
}

/**
 * English and other romanised forms the NBS table (pinyin only) lacks: Wade-Giles, Uyghur Latin and
 * the English names DOMAIN.md lists. Keyed by division code.
 */
const EXTRA_FORMS: Readonly<Record<string, string>> = {
  "65": "xinjiang,sinkiang,xuar",
  "6501": "urumqi,urumchi,wulumuqi",
  "6502": "karamay,kelamayi",
  "6504": "turpan,turfan,tulufan",
  "6505": "hami,kumul,qumul",
  "6523": "changji",
  "6527": "bortala,boertala",
  "6528": "bayingolin,bayinguoleng,bayingol,korla",
  "6529": "aksu,akesu,aqsu",
  "6530": "kizilsu,kezilesu,artux,atushi",
  "6531": "kashgar,kashi,kaxgar,kashghar",
  "6532": "hotan,hetian,khotan",
  "6540": "ili,yili,yining,ghulja",
  "6542": "tacheng,chuguchak",
  "6543": "altay,aletai,altai",
  "659001": "shihezi",
  "659002": "aral,alaer",
  "659003": "tumxuk,tumushuke",
  "659004": "wujiaqu",
  "652801": "korla,kuerle",
  "650421": "shanshan,piqan",
  "653224": "lop,luopu",
  "15": "inner mongolia,neimenggu,nei mongol",
  "54": "tibet,xizang",
  "11": "beijing,peking",
  "44": "guangdong,canton",
  "4401": "guangzhou,canton",
  "81": "hong kong,hongkong,xianggang",
  "82": "macau,macao,aomen",
  "71": "taiwan",
};

function parse(): RegionRef[] {
  return CN_DIVISIONS.split("\n").map((line) => {
    const [code = "", han = "", , pinyin = ""] = line.split(",");
    const level = code.length <= 2 ? 0 : code.length <= 4 ? 1 : 2;
    return { code, han, pinyin, level };
  });
}

const ALL = parse().filter((r) => r.han !== "市辖区" && r.han.length > 0);

/** Han names: full names with their suffix first, then short names. */
const BY_HAN = new Map<string, RegionRef>();
const SUFFIXES = new Map<string, string>(
  CN_DIVISIONS.split("\n").map((line) => {
    const [code = "", , suffix = ""] = line.split(",");
    return [code, suffix];
  }),
);
for (const region of [...ALL].sort((a, b) => b.level - a.level)) {
  const suffix = SUFFIXES.get(region.code) ?? "";
  BY_HAN.set(region.han + suffix, region);
  // Bare short names only for provinces and prefectures: county names collide with trade names.
  if (region.level < 2) BY_HAN.set(region.han, region);
}

const BY_LATIN = new Map<string, RegionRef[]>();
function addLatin(form: string, region: RegionRef): void {
  const list = BY_LATIN.get(form) ?? [];
  if (!list.some((r) => r.code === region.code)) list.push(region);
  BY_LATIN.set(form, list);
}
const BY_CODE = new Map(ALL.map((r) => [r.code, r] as const));
for (const region of ALL) addLatin(region.pinyin, region);
for (const [code, forms] of Object.entries(EXTRA_FORMS)) {
  const names = forms.split(",");
  const region = BY_CODE.get(code) ?? { code, han: "", pinyin: names[0] ?? "", level: 0 as const };
  // Multi-word forms are looked up both spaced (two tokens) and closed up.
  for (const form of names) {
    addLatin(form, region);
    addLatin(form.replace(/ /g, ""), region);
  }
}

// Provinces and prefectures first, sorted once here rather than on every lookup.
for (const list of BY_LATIN.values()) list.sort((a, b) => a.level - b.level);
const NONE: readonly RegionRef[] = [];

export const MAX_HAN_REGION = 8;

const HAN_STARTS = keyPrefixes(BY_HAN.keys(), "");

/** Region names that start `text` (longest first). */
export function hanRegionAt(text: string, start: number): { region: RegionRef; length: number } | null {
  const most = Math.min(MAX_HAN_REGION, text.length - start);
  let found: { region: RegionRef; length: number } | null = null;
  for (let length = 1; length <= most; length++) {
    const phrase = text.slice(start, start + length);
    if (!HAN_STARTS.has(phrase)) break;
    const region = length >= 2 ? BY_HAN.get(phrase) : undefined;
    if (region) found = { region, length };
  }
  return found;
}

/** Divisions a romanised word (or two words joined) may name, provinces and prefectures first. */
export function latinRegions(word: string): readonly RegionRef[] {
  return BY_LATIN.get(word) ?? NONE;
}

/** Beginnings of romanised region names, closed up (for syllables joined one by one). */
export const LATIN_REGION_STARTS: ReadonlySet<string> = keyPrefixes(BY_LATIN.keys(), "");
/** Beginnings of romanised region names, word by word (inner → inner mongolia). */
export const LATIN_REGION_WORD_STARTS: ReadonlySet<string> = keyPrefixes(BY_LATIN.keys(), " ");

export function regionByCode(code: string): RegionRef | undefined {
  return BY_CODE.get(code);
}

/** True when one region contains the other (Aksu lies in Xinjiang) or they are the same. */
export function regionsAgree(a: RegionRef, b: RegionRef): boolean {
  return a.code.startsWith(b.code) || b.code.startsWith(a.code);
}

export function regionLabel(region: RegionRef): string {
  const latin = region.pinyin.charAt(0).toUpperCase() + region.pinyin.slice(1);
  return region.han ? `${latin} (${region.han})` : latin;
}

const COUNTIES_BY_SHORT = new Map<string, RegionRef[]>();
for (const region of ALL.filter((r) => r.level === 2)) {
  const list = COUNTIES_BY_SHORT.get(region.han) ?? [];
  list.push(region);
  COUNTIES_BY_SHORT.set(region.han, list);
}

const COUNTY_STARTS = keyPrefixes(COUNTIES_BY_SHORT.keys(), "");

/**
 * A county named without its suffix right after a region that contains it (新疆哈巴河…): the
 * parent makes the bare name safe to read as a place rather than a trade name.
 */
export function hanCountyAfter(
  text: string,
  start: number,
  parent: RegionRef,
): { region: RegionRef; length: number } | null {
  const most = Math.min(5, text.length - start);
  // Names found, shortest first; the longest one inside `parent` wins.
  const found: RegionRef[][] = [];
  for (let length = 1; length <= most; length++) {
    const phrase = text.slice(start, start + length);
    if (!COUNTY_STARTS.has(phrase)) break;
    found[length] = (length >= 2 ? COUNTIES_BY_SHORT.get(phrase) : undefined) ?? [];
  }
  for (let length = found.length - 1; length >= 2; length--) {
    const region = found[length]?.find((r) => r.code.startsWith(parent.code));
    if (region) return { region, length };
  }
  return null;
}

/** A division named exactly (in parentheses, say), bare county names included when unambiguous. */
export function hanRegionNamed(name: string): RegionRef | null {
  const direct = BY_HAN.get(name);
  if (direct) return direct;
  const counties = COUNTIES_BY_SHORT.get(name) ?? [];
  return counties.length === 1 ? (counties[0] ?? null) : null;
}
