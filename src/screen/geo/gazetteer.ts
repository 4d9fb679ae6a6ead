import type { Division, DivisionLevel } from "./division.ts";
import { DIVISION_ROWS, REGIMENT_ROWS } from "./gazetteer-data.ts";
import { XINJIANG_ENGLISH, XINJIANG_HAN_ALIASES, XINJIANG_LATIN_ALIASES } from "./xinjiang-aliases.ts";

/** Lookup tables over the bundled divisions, built once on first use. */
export interface Gazetteer {
  readonly byCode: ReadonlyMap<string, Division>;
  /** Chinese form (official name, or short name where it is distinctive) → division codes. */
  readonly han: ReadonlyMap<string, readonly string[]>;
  /** Longest key starting with each character, so a scan tries only lengths that can match. */
  readonly hanMaxLength: ReadonlyMap<string, number>;
  /** Pinyin or romanisation with spaces removed → division codes. */
  readonly latin: ReadonlyMap<string, readonly string[]>;
  /** Keys from the curated romanisation table → the codes it gives them (preferred on a tie). */
  readonly curated: ReadonlyMap<string, readonly string[]>;
  /** XPCC regiment number → county-level code. */
  readonly regiments: ReadonlyMap<number, string>;
}

const SUFFIX_SYLLABLES = /\s(?:qu|xian|shi|zhen|xiang)$/;

/** "wu lu mu qi" → "Wulumuqi", "xi an" → "Xi'an" (apostrophe before a vowel-initial syllable). */
function displayPinyin(spaced: string): string {
  const joined = spaced
    .split(" ")
    .filter(Boolean)
    .map((syl, i) => (i > 0 && /^[aeo]/.test(syl) ? `'${syl}` : syl))
    .join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function parseDivision(row: string): Division {
  const [code = "", level = "0", shortName = "", name = "", pinyin = ""] = row.split("|");
  const english = XINJIANG_ENGLISH[code];
  return {
    code,
    level: Number(level) as DivisionLevel,
    name,
    shortName,
    pinyin: displayPinyin(pinyin),
    ...(english ? { english } : {}),
  };
}

function add(map: Map<string, string[]>, key: string, code: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [code]);
  else if (!list.includes(code)) list.push(code);
}

/**
 * Two-character short names (天山, 新和, 温泉, 白杨…) are everyday words: only provinces and
 * prefectures are looked up by them; counties and XPCC cities need the official name or ≥ 3
 * characters.
 */
function hanKeys(d: Division): string[] {
  const keys = [d.name];
  const distinctive = d.shortName.length >= 3 || (d.level < 2 && !d.code.startsWith("6590"));
  if (distinctive && d.shortName.length >= 2) keys.push(d.shortName);
  return keys;
}

/** Some short names keep their suffix (沙依巴克区, "sha yi ba ke qu"): the key drops it too. */
function latinKeys(spaced: string): string[] {
  const keys = [spaced.replace(/\s+/g, "")];
  const stripped = spaced.replace(SUFFIX_SYLLABLES, "");
  if (stripped !== spaced) keys.push(stripped.replace(/\s+/g, ""));
  return keys.filter((k) => k.length >= 4);
}

/** A prefecture's seat city of the same name (和田地区 → 和田市), so "Hotan City" finds the city. */
function seatCities(byCode: ReadonlyMap<string, Division>, code: string): string[] {
  const p = byCode.get(code);
  if (p?.level !== 1) return [];
  return [...byCode.values()]
    .filter((d) => d.level === 2 && d.code.startsWith(code.slice(0, 4)) && d.name === `${p.shortName}市`)
    .map((d) => d.code);
}

function parseRegiments(): Map<number, string> {
  const regiments = new Map<number, string>();
  for (const row of REGIMENT_ROWS.split("\n")) {
    const [n, code] = row.split("|");
    if (n && code) regiments.set(Number(n), code);
  }
  return regiments;
}

function longestByFirstChar(keys: ReadonlyMap<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys.keys()) out.set(k[0] ?? "", Math.max(out.get(k[0] ?? "") ?? 0, k.length));
  return out;
}

function buildGazetteer(): Gazetteer {
  const byCode = new Map<string, Division>();
  const han = new Map<string, string[]>();
  const latin = new Map<string, string[]>();
  for (const row of DIVISION_ROWS.split("\n")) {
    const d = parseDivision(row);
    byCode.set(d.code, d);
    for (const k of hanKeys(d)) add(han, k, d.code);
    for (const k of latinKeys(row.split("|")[4] ?? "")) add(latin, k, d.code);
  }
  const curated = new Map<string, string[]>();
  for (const [code, keys] of Object.entries(XINJIANG_LATIN_ALIASES)) {
    const codes = [code, ...seatCities(byCode, code)];
    for (const k of keys) {
      for (const c of codes) add(latin, k, c);
      add(curated, k, code);
    }
  }
  for (const [code, keys] of Object.entries(XINJIANG_HAN_ALIASES)) for (const k of keys) add(han, k, code);
  return { byCode, han, hanMaxLength: longestByFirstChar(han), latin, curated, regiments: parseRegiments() };
}

let cached: Gazetteer | undefined;

/** The shared gazetteer (about 3,600 divisions); built lazily so importing the module is cheap. */
export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
