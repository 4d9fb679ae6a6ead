import { type AddressAnalysis, analyseAddress } from "./analyse-address.ts";
import { describeDivision, describeResolved } from "./describe-evidence.ts";
import { type DivisionRef, isXinjiangCode, isXpccCode } from "./division.ts";
import { gazetteer } from "./gazetteer.ts";
import type { ResolvedMention } from "./resolve-mentions.ts";

export interface XinjiangLocation {
  readonly xinjiang: boolean;
  /** The most specific Xinjiang division the evidence names (county, prefecture, or the region). */
  readonly division: DivisionRef | null;
  /** True when an XPCC marker or an XPCC city (6590xx) is among the counted evidence. */
  readonly xpcc: boolean;
  /** What matched and how it was weighed, one sentence each. */
  readonly evidence: readonly string[];
}

export function divisionRef(code: string): DivisionRef | null {
  const d = gazetteer().byCode.get(code);
  if (!d) return null;
  return { code: d.code, name: d.name, pinyin: d.pinyin, ...(d.english ? { english: d.english } : {}) };
}

function relevant(r: ResolvedMention): boolean {
  return r.mention.candidates.some(isXinjiangCode) || r.code !== undefined || r.mention.xpcc === true;
}

function foreignEvidence(a: AddressAnalysis): string[] {
  const lines = a.mentions
    .filter((m) => m.candidates.some(isXinjiangCode))
    .map((m) => describeResolved({ mention: m, excluded: "foreign" }));
  return [`country ${a.country ?? "named in the address"} is not China`, ...lines];
}

/** Builds the result from an analysis; `resolveRegion` reuses it so both always agree. */
export function xinjiangFromAnalysis(a: AddressAnalysis): XinjiangLocation {
  if (a.foreign) return { xinjiang: false, division: null, xpcc: false, evidence: foreignEvidence(a) };
  const { province, deepest, mentions } = a.resolution;
  const evidence = mentions.filter(relevant).map(describeResolved);
  if (province !== "650000") {
    const other = province ? [`most evidence points to ${describeDivision(province)}`] : [];
    return { xinjiang: false, division: null, xpcc: false, evidence: [...evidence, ...other] };
  }
  const counted = mentions.filter((r) => r.code && !r.excluded && isXinjiangCode(r.code));
  const xpcc = counted.some((r) => r.mention.xpcc === true || isXpccCode(r.code ?? ""));
  return { xinjiang: true, division: divisionRef(deepest ?? province), xpcc, evidence };
}

/**
 * Whether an address lies in Xinjiang, from Chinese, pinyin (with or without spaces), Uyghur Latin,
 * Wade-Giles and English spellings, XPCC markers, postal codes, admin codes and USCCs. Ambiguous
 * names (Aksu, Altay, Hami, Kashi…) count only with Chinese context; a country other than China,
 * given or named, means false; street names (乌鲁木齐中路, Kashgar Road) never count.
 */
export function locateXinjiang(address: string, country?: string): XinjiangLocation {
  return xinjiangFromAnalysis(analyseAddress(address, country));
}
