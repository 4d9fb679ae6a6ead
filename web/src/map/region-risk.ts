import type { LocationRow } from "../api-types.ts";

export type RegionRisk = "xinjiang" | "high" | "medium" | "low";

export interface RegionSummary {
  /** `CN:xinjiang` for a Chinese province (by its pinyin name), else the country code. */
  readonly key: string;
  readonly label: string;
  readonly facilities: number;
  readonly risk: RegionRisk;
}

const RANK: Record<RegionRisk, number> = { xinjiang: 3, high: 2, medium: 1, low: 0 };

/** Province names as the API gives them (pinyin) and as Natural Earth spells them. */
const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  innermongolia: "innermongol",
  neimenggu: "innermongol",
  tibet: "xizang",
  guangxizhuang: "guangxi",
  ningxiahui: "ningxia",
  xinjianguygur: "xinjiang",
};

export function provinceKey(name: string): string {
  const n = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "")
    .replace(/(province|autonomousregion|municipality|sheng|shi|zizhiqu)$/, "");
  return `CN:${PROVINCE_ALIASES[n] ?? n}`;
}

export function regionKeyOf(row: LocationRow): string | undefined {
  const country = row.risk.country ?? row.location.address.country;
  if (country === "CN" && (row.risk.region || row.risk.xinjiang))
    return provinceKey(row.risk.region ?? "Xinjiang");
  return country ?? undefined;
}

function riskOf(row: LocationRow): RegionRisk {
  return row.risk.xinjiang ? "xinjiang" : row.risk.level;
}

/** Facilities counted by Chinese province or by country, each region taking its worst facility's risk. */
export function summariseRegions(rows: readonly LocationRow[]): Map<string, RegionSummary> {
  const out = new Map<string, RegionSummary>();
  for (const row of rows) {
    const key = regionKeyOf(row);
    if (!key) continue;
    const risk = riskOf(row);
    const label = key.startsWith("CN:") ? `${row.risk.region ?? "Xinjiang"}, China` : key;
    const prev = out.get(key) ?? { key, label, facilities: 0, risk: "low" as RegionRisk };
    out.set(key, {
      ...prev,
      facilities: prev.facilities + 1,
      risk: RANK[risk] > RANK[prev.risk] ? risk : prev.risk,
    });
  }
  return out;
}
