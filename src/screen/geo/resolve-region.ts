import type { Address } from "../../model/index.ts";
import { analyseAddress } from "./analyse-address.ts";
import { describeResolved } from "./describe-evidence.ts";
import { type DivisionRef, prefectureCodeOf } from "./division.ts";
import { divisionRef, xinjiangFromAnalysis } from "./locate-xinjiang.ts";

export interface Region {
  /** ISO 3166-1 alpha-2, from the country field, a country named in the text, or Chinese places found. */
  readonly country: string | undefined;
  readonly province?: DivisionRef;
  readonly prefecture?: DivisionRef;
  readonly xinjiang: boolean;
  readonly xpcc: boolean;
  readonly evidence: readonly string[];
}

export type RegionQuery = Pick<Address, "lines"> & Partial<Omit<Address, "lines">>;

function addressText(a: RegionQuery): string {
  return [...a.lines, a.city, a.state, a.postalCode, a.country].filter((s) => s?.trim()).join(", ");
}

/**
 * The region of any address: the country, and for Chinese addresses the province and prefecture
 * (every province, from the bundled divisions), with the Xinjiang and XPCC flags `locateXinjiang`
 * gives for the same text. The tracer gives every origin location a region with it.
 */
export function resolveRegion(address: RegionQuery): Region {
  const analysis = analyseAddress(addressText(address), address.country, address.postalCode?.trim());
  const located = xinjiangFromAnalysis(analysis);
  const { province, deepest, mentions } = analysis.resolution;
  const country = analysis.country ?? (province ? "CN" : undefined);
  const base = { country, xinjiang: located.xinjiang, xpcc: located.xpcc };
  if (!province || country !== "CN") {
    return { ...base, evidence: located.xinjiang ? located.evidence : mentions.map(describeResolved) };
  }
  const provinceRef = divisionRef(province);
  const pref = deepest && deepest !== province ? divisionRef(prefectureCodeOf(deepest)) : null;
  const evidence = located.xinjiang ? located.evidence : mentions.map(describeResolved);
  return {
    ...base,
    ...(provinceRef ? { province: provinceRef } : {}),
    ...(pref ? { prefecture: pref } : {}),
    evidence,
  };
}
