import type { LocationRow } from "../api-types.ts";

export type RegionRisk = "xinjiang" | "listed" | "open-hit" | "clear";

export interface RegionSummary {
  /** `CN-XJ` for a Chinese province, else the country code. */
  readonly key: string;
  readonly facilities: number;
  readonly risk: RegionRisk;
  readonly listed: number;
  readonly openHits: number;
}

const RANK: Record<RegionRisk, number> = { xinjiang: 3, listed: 2, "open-hit": 1, clear: 0 };

export function regionKeyOf(l: LocationRow): string | undefined {
  const country = l.country ?? (typeof l.address === "object" ? l.address?.country : undefined);
  const region = l.region ?? (typeof l.address === "object" ? l.address?.region : undefined);
  if (country === "CN" && region?.startsWith("CN-")) return region;
  return country ?? undefined;
}

function riskOf(l: LocationRow, key: string): RegionRisk {
  if (key === "CN-XJ" || l.xinjiang) return "xinjiang";
  if (l.listed || l.hitState === "confirmed") return "listed";
  if (l.hitState === "open" || l.hitState === "reopened") return "open-hit";
  return "clear";
}

/** Facilities counted by Chinese province or by country, each region taking its worst facility's risk. */
export function summariseRegions(locations: readonly LocationRow[]): Map<string, RegionSummary> {
  const out = new Map<string, RegionSummary>();
  for (const l of locations) {
    const key = regionKeyOf(l);
    if (!key) continue;
    const risk = riskOf(l, key);
    const prev = out.get(key) ?? { key, facilities: 0, risk: "clear" as RegionRisk, listed: 0, openHits: 0 };
    out.set(key, {
      key,
      facilities: prev.facilities + 1,
      risk: RANK[risk] > RANK[prev.risk] ? risk : prev.risk,
      listed: prev.listed + (risk === "listed" ? 1 : 0),
      openHits: prev.openHits + (risk === "open-hit" ? 1 : 0),
    });
  }
  return out;
}
