import { isMassUnit } from "../../model/index.ts";

/**
 * Rec 20 codes a cotton chain uses. Decision (documented in templates/README.md): any well-formed
 * Rec 20 code (2–3 letters or digits) is accepted, because the list has some 2,000 codes; codes not
 * listed here get a warning, since a typo such as `KGS` would otherwise silently stop mass balance.
 */
const COMMON_UNITS = new Set([
  "KGM",
  "GRM",
  "MGM",
  "TNE",
  "LBR",
  "ONZ",
  "STN",
  "LTN",
  "DTN",
  "HGM",
  "H87",
  "C62",
  "EA",
  "PR",
  "NPR",
  "DZN",
  "SET",
  "NAR",
  "XBE",
  "XBL",
  "XBA",
  "MTR",
  "MTK",
  "KMT",
  "CMT",
  "MMT",
  "YRD",
  "FOT",
  "INH",
  "LTR",
  "MLT",
  "MTQ",
]);

/** Words people type instead of the Rec 20 code: read as the code, with a warning saying so. */
const ALIASES: Readonly<Record<string, string>> = {
  KG: "KGM",
  KGS: "KGM",
  KILOGRAM: "KGM",
  KILOGRAMS: "KGM",
  公斤: "KGM",
  千克: "KGM",
  G: "GRM",
  T: "TNE",
  TON: "TNE",
  TONNE: "TNE",
  TONNES: "TNE",
  MT: "TNE",
  吨: "TNE",
  LB: "LBR",
  LBS: "LBR",
  PCS: "H87",
  PC: "H87",
  PIECE: "H87",
  PIECES: "H87",
  件: "H87",
  M: "MTR",
  METER: "MTR",
  METRE: "MTR",
  METERS: "MTR",
  METRES: "MTR",
  米: "MTR",
  BALE: "XBE",
  BALES: "XBE",
  包: "XBE",
};

export type ParsedUnit =
  | { readonly ok: true; readonly code: string; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

export function parseUnit(raw: string): ParsedUnit {
  const s = raw.trim().toUpperCase();
  if (COMMON_UNITS.has(s) || isMassUnit(s)) return { ok: true, code: s };
  const alias = ALIASES[s];
  if (alias)
    return { ok: true, code: alias, warning: `unit "${raw.trim()}" read as UN/CEFACT Rec 20 code ${alias}` };
  if (/^[A-Z0-9]{2,3}$/.test(s)) {
    return {
      ok: true,
      code: s,
      warning: `unit ${s} is not a common UN/CEFACT Rec 20 code (expected e.g. KGM, TNE, LBR, H87, MTR); kept as given`,
    };
  }
  return {
    ok: false,
    message: `expected a UN/CEFACT Rec 20 unit code such as KGM, TNE, LBR, H87 or MTR, got "${raw}"`,
  };
}
