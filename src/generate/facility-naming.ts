import type { FacilityRole } from "./facility.ts";
import {
  CHINESE_SUFFIX,
  chineseBrand,
  ENGLISH_STREETS,
  englishBrand,
  portugueseBrand,
  STREETS,
  vietnameseBrand,
} from "./names.ts";
import type { Place } from "./places.ts";
import { intBetween, type Prng, pick } from "./prng.ts";

/** The script a Chinese facility's records are written in; suppliers differ, so screening must cope. */
export type Script = "zh" | "pinyin" | "en";

export interface Naming {
  readonly facilityName: string;
  readonly partyName: string;
  readonly partyNameLocal?: string;
  readonly partyAliases: readonly string[];
}

export interface PostalAddress {
  readonly address: string;
  readonly city: string;
  readonly state: string;
}

function shortZh(name: string): string {
  return name.length > 2 && /[市县]$/u.test(name) ? name.slice(0, -1) : name;
}

function shortPinyin(name: string): string {
  return name.replace(/ (Shi|Xian)$/u, "");
}

const CHINESE_SITE: Readonly<Record<keyof typeof CHINESE_SUFFIX, readonly [string, string]>> = {
  farm: ["棉田", "Fields"],
  gin: ["轧花厂", "Ginning Mill"],
  trader: ["仓库", "Warehouse"],
  relabel: ["仓库", "Warehouse"],
  spinner: ["纺纱厂", "Spinning Mill"],
};

/** Chinese company names: the legal name in the chosen script, the others as aliases. */
export function chineseNaming(
  place: Place,
  role: keyof typeof CHINESE_SUFFIX,
  counter: number,
  script: Script,
): Naming {
  const brand = chineseBrand(counter);
  const suffix = CHINESE_SUFFIX[role];
  const cityZh = shortZh(place.city.zh ?? place.city.en);
  const cityPinyin = shortPinyin(place.city.pinyin ?? place.city.en);
  const zh = `${cityZh}${brand.zh}${suffix.zh}`;
  const pinyin = `${cityPinyin} ${brand.pinyin} ${suffix.pinyin}`;
  const en = `${place.city.en} ${brand.pinyin} ${suffix.en}`;
  const [site, siteEn] = CHINESE_SITE[role];
  if (script === "zh") return { facilityName: `${zh}${site}`, partyName: zh, partyAliases: [en, pinyin] };
  if (script === "pinyin")
    return { facilityName: `${pinyin} ${siteEn}`, partyName: pinyin, partyNameLocal: zh, partyAliases: [en] };
  return { facilityName: `${en} ${siteEn}`, partyName: en, partyNameLocal: zh, partyAliases: [pinyin] };
}

const ROLE_WORDS: Readonly<Record<FacilityRole, readonly [string, string]>> = {
  farm: ["Farms", "Farm"],
  gin: ["Gin Co.", "Gin"],
  trader: ["Cotton Merchants", "Warehouse"],
  spinner: ["Spinning Mills Ltd", "Spinning Unit"],
  fabric: ["Knit Composite Ltd", "Fabric Mill"],
  garment: ["Apparels Ltd", "Factory"],
  importer: ["Apparel Inc.", "Distribution Center"],
};

const LEGAL_FORM: Readonly<Record<string, string>> = {
  US: " LLC",
  AU: " Pty Ltd",
  IN: " Pvt Ltd",
  PK: "",
  BD: "",
  KH: " (Cambodia) Co., Ltd.",
};

const BR_PARTY: Readonly<Partial<Record<FacilityRole, (brand: string) => string>>> = {
  farm: (brand) => `Fazenda ${brand} Agropecuária Ltda.`,
  gin: (brand) => `Algodoeira ${brand} Ltda.`,
};

function brazilianNaming(place: Place, role: FacilityRole, counter: number): Naming {
  const brand = portugueseBrand(counter);
  const party = BR_PARTY[role]?.(brand) ?? `${brand} Comércio de Algodão Ltda.`;
  const facilityName = role === "farm" ? `Fazenda ${brand}` : `${party} – ${place.city.en}`;
  return { facilityName, partyName: party, partyAliases: [] };
}

const VI_KIND: Readonly<Partial<Record<FacilityRole, readonly [string, string]>>> = {
  spinner: ["Sợi", "Yarn"],
  fabric: ["Dệt", "Textile"],
};

function vietnameseNaming(place: Place, role: FacilityRole, counter: number): Naming {
  const brand = vietnameseBrand(counter);
  const [local, english] = VI_KIND[role] ?? ["May", "Garment"];
  const en = `${brand} ${english} Co., Ltd.`;
  return {
    facilityName: `${en} – ${place.city.en}`,
    partyName: en,
    partyNameLocal: `Công ty TNHH ${local} ${brand}`,
    partyAliases: [],
  };
}

/** Mills, factories and importers carry their legal form in the role word already. */
const MAKERS: ReadonlySet<FacilityRole> = new Set(["spinner", "fabric", "garment", "importer"]);

/** Names outside China: an English trade name, Portuguese in Brazil, Vietnamese local names in Vietnam. */
export function foreignNaming(place: Place, role: FacilityRole, counter: number): Naming {
  if (place.country === "BR") return brazilianNaming(place, role, counter);
  if (place.country === "VN") return vietnameseNaming(place, role, counter);
  const [partyWord, siteWord] = ROLE_WORDS[role];
  const brand = englishBrand(counter);
  const facilityName = `${brand} ${siteWord} ${place.city.en}`;
  if (place.country === "KH") {
    return {
      facilityName,
      partyName: `${brand} ${role === "fabric" ? "Textile" : "Garment"}${LEGAL_FORM.KH}`,
      partyAliases: [],
    };
  }
  const form = MAKERS.has(role) ? "" : (LEGAL_FORM[place.country] ?? "");
  return { facilityName, partyName: `${brand} ${partyWord}${form}`, partyAliases: [] };
}

/** A street address in the facility's script; XPCC places name the division and regiment, as real ones do. */
export function postalAddress(prng: Prng, place: Place, script: Script): PostalAddress {
  const number = intBetween(prng, 1, 388);
  if (place.country !== "CN") {
    return {
      address: `${number} ${pick(prng, ENGLISH_STREETS)}`,
      city: place.city.en,
      state: place.state.en,
    };
  }
  const street = pick(prng, STREETS);
  const xpcc = place.xpcc;
  if (script === "zh") {
    const prefix = xpcc
      ? `新疆生产建设兵团${xpcc.division.zh}${xpcc.regiment.zh}`
      : (place.prefecture?.zh ?? "");
    return {
      address: `${prefix}${street.zh}${number}号`,
      city: place.city.zh ?? place.city.en,
      state: place.state.zh ?? place.state.en,
    };
  }
  if (script === "pinyin") {
    const prefix = xpcc ? `Bingtuan ${xpcc.division.pinyin} ${xpcc.regiment.pinyin}, ` : "";
    return {
      address: `${prefix}${street.pinyin} ${number} Hao`,
      city: place.city.pinyin ?? place.city.en,
      state: place.state.pinyin ?? place.state.en,
    };
  }
  const prefix = xpcc ? `${xpcc.regiment.en}, ${xpcc.division.en} (XPCC), ` : "";
  return { address: `${prefix}${number} ${street.en}`, city: place.city.en, state: place.state.en };
}
