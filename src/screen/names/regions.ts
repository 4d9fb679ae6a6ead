import { keyPrefixes } from "./key-prefixes.ts";
import { lazy } from "./lazy.ts";
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

interface Tables {
  /** Han names: full names with their suffix first, then short names. */
  readonly byHan: Map<string, RegionRef>;
  readonly byLatin: Map<string, RegionRef[]>;
  readonly byCode: Map<string, RegionRef>;
  readonly hanStarts: ReadonlySet<string>;
  /** Beginnings of romanised region names, closed up (for syllables joined one by one). */
  readonly latinStarts: ReadonlySet<string>;
  /** Beginnings of romanised region names, word by word (inner → inner mongolia). */
  readonly latinWordStarts: ReadonlySet<string>;
  readonly countiesByShort: Map<string, RegionRef[]>;
  readonly countyStarts: ReadonlySet<string>;
}

function buildTables(): Tables {
  const all = parse().filter((r) => r.han !== "市辖区" && r.han.length > 0);
  const byHan = new Map<string, RegionRef>();
  const suffixes = new Map<string, string>(
    CN_DIVISIONS.split("\n").map((line) => {
      const [code = "", , suffix = ""] = line.split(",");
      return [code, suffix];
    }),
  );
  for (const region of [...all].sort((a, b) => b.level - a.level)) {
    const suffix = suffixes.get(region.code) ?? "";
    byHan.set(region.han + suffix, region);
    // Bare short names only for provinces and prefectures: county names collide with trade names.
    if (region.level < 2) byHan.set(region.han, region);
  }

  const byLatin = new Map<string, RegionRef[]>();
  const addLatin = (form: string, region: RegionRef): void => {
    const list = byLatin.get(form) ?? [];
    if (!list.some((r) => r.code === region.code)) list.push(region);
    byLatin.set(form, list);
  };
  const byCode = new Map(all.map((r) => [r.code, r] as const));
  for (const region of all) addLatin(region.pinyin, region);
  for (const [code, forms] of Object.entries(EXTRA_FORMS)) {
    const names = forms.split(",");
    const region = byCode.get(code) ?? { code, han: "", pinyin: names[0] ?? "", level: 0 as const };
    // Multi-word forms are looked up both spaced (two tokens) and closed up.
    for (const form of names) {
      addLatin(form, region);
      addLatin(form.replace(/ /g, ""), region);
    }
  }
  // Provinces and prefectures first, sorted once here rather than on every lookup.
  for (const list of byLatin.values()) list.sort((a, b) => a.level - b.level);

  const countiesByShort = new Map<string, RegionRef[]>();
  for (const region of all.filter((r) => r.level === 2)) {
    const list = countiesByShort.get(region.han) ?? [];
    list.push(region);
    countiesByShort.set(region.han, list);
  }
  return {
    byHan,
    byLatin,
    byCode,
    hanStarts: keyPrefixes(byHan.keys(), ""),
    latinStarts: keyPrefixes(byLatin.keys(), ""),
    latinWordStarts: keyPrefixes(byLatin.keys(), " "),
    countiesByShort,
    countyStarts: keyPrefixes(countiesByShort.keys(), ""),
  };
}

const tables = lazy(buildTables);
const NONE: readonly RegionRef[] = [];

export const MAX_HAN_REGION = 8;

/** Region names that start `text` (longest first). */
export function hanRegionAt(text: string, start: number): { region: RegionRef; length: number } | null {
  const { hanStarts, byHan } = tables();
  const most = Math.min(MAX_HAN_REGION, text.length - start);
  let found: { region: RegionRef; length: number } | null = null;
  for (let length = 1; length <= most; length++) {
    const phrase = text.slice(start, start + length);
    if (!hanStarts.has(phrase)) break;
    const region = length >= 2 ? byHan.get(phrase) : undefined;
    if (region) found = { region, length };
  }
  return found;
}

/** Divisions a romanised word (or two words joined) may name, provinces and prefectures first. */
export function latinRegions(word: string): readonly RegionRef[] {
  return tables().byLatin.get(word) ?? NONE;
}

/** Beginnings of romanised region names, closed up (for syllables joined one by one). */
export function latinRegionStarts(): ReadonlySet<string> {
  return tables().latinStarts;
}

/** Beginnings of romanised region names, word by word (inner → inner mongolia). */
export function latinRegionWordStarts(): ReadonlySet<string> {
  return tables().latinWordStarts;
}

export function regionByCode(code: string): RegionRef | undefined {
  return tables().byCode.get(code);
}

/** True when one region contains the other (Aksu lies in Xinjiang) or they are the same. */
export function regionsAgree(a: RegionRef, b: RegionRef): boolean {
  return a.code.startsWith(b.code) || b.code.startsWith(a.code);
}

export function regionLabel(region: RegionRef): string {
  const latin = region.pinyin.charAt(0).toUpperCase() + region.pinyin.slice(1);
  return region.han ? `${latin} (${region.han})` : latin;
}

/**
 * A county named without its suffix right after a region that contains it (新疆哈巴河…): the
 * parent makes the bare name safe to read as a place rather than a trade name.
 */
export function hanCountyAfter(
  text: string,
  start: number,
  parent: RegionRef,
): { region: RegionRef; length: number } | null {
  const { countyStarts, countiesByShort } = tables();
  const most = Math.min(5, text.length - start);
  // Names found, shortest first; the longest one inside `parent` wins.
  const found: RegionRef[][] = [];
  for (let length = 1; length <= most; length++) {
    const phrase = text.slice(start, start + length);
    if (!countyStarts.has(phrase)) break;
    found[length] = (length >= 2 ? countiesByShort.get(phrase) : undefined) ?? [];
  }
  for (let length = found.length - 1; length >= 2; length--) {
    const region = found[length]?.find((r) => r.code.startsWith(parent.code));
    if (region) return { region, length };
  }
  return null;
}

/** A division named exactly (in parentheses, say), bare county names included when unambiguous. */
export function hanRegionNamed(name: string): RegionRef | null {
  const { byHan, countiesByShort } = tables();
  const direct = byHan.get(name);
  if (direct) return direct;
  const counties = countiesByShort.get(name) ?? [];
  return counties.length === 1 ? (counties[0] ?? null) : null;
}
