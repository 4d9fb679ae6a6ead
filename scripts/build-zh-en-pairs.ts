/**
 * Builds test/fixtures/names/zh-en-pairs.csv, the Chinese ↔ English name-matching set, from the
 * bundled UFLPA snapshot (test/fixtures/names/uflpa/). Mechanical variants are generated here;
 * hard negatives are written by hand in test/fixtures/names/zh-en-negatives.csv and appended.
 *
 *   npx tsx scripts/build-zh-en-pairs.ts
 *
 * Each row pairs a query (name1) with a list entity (`entity`, shown by its name2). The evaluation
 * scores name1 against every English name of that entity (name and aliases; the DHS list has no
 * Chinese names), because that is what screening does.
 *
 * Each row pairs a query (name1) with a list entity (`entity`, shown by its name2). The evaluation
 * scores name1 against every English name of that entity (name and aliases; the DHS list has no
 * Chinese names), because that is what screening does.
 *
 * Labels: a variant of an entity's own name, alias or Chinese name is a match; two different
 * list entities are not — except siblings sharing a trade name (Huafu Fashion / Aksu Huafu),
 * which are left out because "same group, different legal person" is neither label honestly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Converter } from "opencc-js";
import { pinyin } from "pinyin-pro";
import { parseCsv } from "../test/fixtures/names/name-benchmark.ts";

const DIR = resolve(import.meta.dirname, "../test/fixtures/names");
const toTraditional = Converter({ from: "cn", to: "tw" });
const toSimplified = Converter({ from: "tw", to: "cn" });

interface Pair {
  category: string;
  name1: string;
  name2: string;
  country1: string;
  country2: string;
  isMatch: boolean;
  entity: string;
}

const ABBREVIATE: [RegExp, string][] = [
  [/\bTechnology\b/gi, "TECH"],
  [/\bGroup\b/gi, "GRP"],
  [/\bInternational\b/gi, "INTL"],
  [/\bIndustrial\b/gi, "IND"],
  [/\bManufacturing\b/gi, "MFG"],
  [/\bTextiles?\b/gi, "TEX"],
  [/\bCorporation\b/gi, "CORP"],
  [/\bCompany\b/gi, "CO"],
  [/\bLimited\b/gi, "LTD"],
  [/\bServices\b/gi, "SRVCES"],
  [/\bCommerce\b/gi, "COMM"],
  [/\bHoldings\b/gi, "HLDGS"],
];

const LEGAL = /,?\s*(Co\.,?\s*Ltd\.?|Co\.\s*Ltd|Company Limited|Co\.|Ltd\.?|Limited|Corporation)\s*$/i;

function abbreviate(name: string): string | null {
  let out = name.replace(LEGAL, "");
  for (const [pattern, short] of ABBREVIATE) out = out.replace(pattern, short);
  out = out.replace(/[.,]/g, "").toUpperCase();
  return out !== name.toUpperCase() ? out : null;
}

/**
 * "Baotou Meike Silicon Energy" → "MEIKE BAOTOU SILICON ENERGY": the leading place moved after the
 * trade name. Only when the first word is the place the list row names (province_or_country), so a
 * fixed phrase ("Rare Earth", "Inner Mongolia") is never split.
 */
function reorder(name: string, place: string): string | null {
  const words = name
    .replace(LEGAL, "")
    .replace(/[(),.]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  const placeWords = new Set(place.toLowerCase().split(/[^a-z]+/));
  if (words.length < 3 || !placeWords.has(words[0]?.toLowerCase() ?? "")) return null;
  const [first, second, ...rest] = words;
  return [second, first, ...rest].join(" ").toUpperCase();
}

function legalVariants(name: string): string[] {
  if (!LEGAL.test(name)) return [`${name} Co., Ltd.`];
  const stem = name.replace(LEGAL, "");
  return [`${stem} Company Limited`, `${stem} Limited`, stem];
}

function pinyinOf(han: string, spaced: boolean): string {
  const syllables = pinyin(han, { toneType: "none", type: "array" });
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return spaced ? syllables.map(capital).join(" ") : capital(syllables.join(""));
}

function chineseNames(raw: string): string[] {
  return raw
    .split(";")
    .map((part) =>
      toSimplified(
        part
          .replace(/\s*\(.*$/, "")
          .replace(/（.*$/, "")
          .trim(),
      ),
    )
    .filter((part) => /\p{Script=Han}{3,}/u.test(part) && !/[A-Za-z]/.test(part));
}

function entityPairs(row: Record<string, string>, han: readonly string[]): Pair[] {
  const name = row.name ?? "";
  const entity = row.id ?? "";
  const pair = (category: string, other: string): Pair => ({
    category,
    name1: other,
    name2: name,
    country1: "",
    country2: "",
    isMatch: true,
    entity,
  });
  const out: Pair[] = [];
  const short = abbreviate(name);
  if (short) out.push(pair("abbreviation", short));
  const moved = reorder(name, row.province_or_country ?? "");
  if (moved) out.push(pair("word-order", moved));
  for (const variant of legalVariants(name).slice(0, 2)) out.push(pair("legal-form", variant));
  for (const alias of (row.aliases ?? "")
    .split(";")
    .map((a) => a.replace(/\(formerly known as\)/, "").trim())) {
    // Aliases are not paired with the name: they belong to the entity, and the evaluation scores a
    // query against all of the entity's English names, as screening against the list does.
    const variant = alias ? abbreviate(alias) : null;
    if (variant) out.push(pair("alias-abbreviation", variant));
  }
  for (const zh of han) {
    out.push(pair("zh-en", zh));
    out.push(pair("traditional", toTraditional(zh)));
    out.push(pair("pinyin", pinyinOf(zh, true)));
    out.push({ ...pair("pinyin-run-together", pinyinOf(zh, false)), name2: zh });
  }
  return out;
}

/** Different list entities with a region or sector in common and no trade-name word in common. */
function listNegatives(rows: readonly Record<string, string>[]): Pair[] {
  const out: Pair[] = [];
  const words = (n: string) =>
    new Set(
      n
        .toLowerCase()
        .replace(/[^a-z ]/g, " ")
        .split(" ")
        .filter((w) => w.length > 3),
    );
  const generic = new Set([
    "xinjiang",
    "group",
    "limited",
    "company",
    "textile",
    "cotton",
    "linen",
    "technology",
    "china",
    "energy",
    "silicon",
    "food",
    "industry",
    "industrial",
    "metals",
    "mining",
    "materials",
    "trade",
    "international",
    "information",
    "electronics",
    "zhuhai",
    "hetian",
    "anhui",
    "henan",
    "baotou",
    "jiangsu",
    "hebei",
    "inner",
    "mongolia",
    "solar",
    "green",
    "nonferrous",
    "biotechnology",
  ]);
  for (const [i, a] of rows.entries()) {
    for (const b of rows.slice(i + 1)) {
      const sameSector =
        a.sector === b.sector || (a.province_or_country && a.province_or_country === b.province_or_country);
      const wa = [...words(a.name ?? "")].filter((w) => !generic.has(w));
      const wb = words(b.name ?? "");
      const siblings = wa.some((w) => wb.has(w)) || (a.aliases ?? "").includes(b.name ?? "_");
      if (sameSector && !siblings && out.length < 140 && (i + out.length) % 3 === 0)
        out.push({
          category: "negative-list",
          name1: a.name ?? "",
          name2: b.name ?? "",
          country1: "",
          country2: "",
          isMatch: false,
          entity: `${a.id}/${b.id}`,
        });
    }
  }
  return out;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function main(): void {
  const rows = parseCsv(readFileSync(resolve(DIR, "uflpa/uflpa_entity_list.csv"), "utf8"));
  const zhRows = parseCsv(readFileSync(resolve(DIR, "uflpa/uflpa_chinese_names.csv"), "utf8"));
  const pairs: Pair[] = [];
  for (const row of rows) {
    const han = zhRows
      .filter((z) => (z.name ?? "").replace(/\s*\(.*$/, "") === row.name)
      .flatMap((z) => chineseNames(z.chinese_name ?? ""));
    pairs.push(...entityPairs(row, [...new Set(han)]));
  }
  pairs.push(...listNegatives(rows));
  const manual = parseCsv(readFileSync(resolve(DIR, "zh-en-negatives.csv"), "utf8")).map((r) => ({
    category: r.category ?? "negative-hand",
    name1: r.name1 ?? "",
    name2: r.name2 ?? "",
    country1: r.country1 ?? "",
    country2: r.country2 ?? "",
    isMatch: r.is_match === "true",
    entity: r.entity ?? "",
  }));
  pairs.push(...manual);
  const header = "pair_id,category,name1,name2,country1,country2,is_match,entity";
  const lines = pairs.map((p, i) =>
    [String(i + 1), p.category, p.name1, p.name2, p.country1, p.country2, String(p.isMatch), p.entity]
      .map(csvCell)
      .join(","),
  );
  writeFileSync(resolve(DIR, "zh-en-pairs.csv"), `${[header, ...lines].join("\n")}\n`);
  console.log(`wrote ${pairs.length} pairs (${pairs.filter((p) => p.isMatch).length} matches)`);
}

main();
