/** Level in GB/T 2260: 0 province-level, 1 prefecture-level (incl. XPCC cities 6590xx), 2 county-level. */
export type DivisionLevel = 0 | 1 | 2;

/** A Chinese administrative division from the bundled NBS 2023 table. */
export interface Division {
  /** Six-digit GB/T 2260 code (province 650000, prefecture 653100, county 653101). */
  readonly code: string;
  readonly level: DivisionLevel;
  /** Official name in Simplified Chinese (喀什地区). */
  readonly name: string;
  /** Short name without the administrative suffix (喀什). */
  readonly shortName: string;
  /** Toneless pinyin of the short name, written as one word (Kashi, Wulumuqi, Xi'an). */
  readonly pinyin: string;
  /** Conventional English name where one differs from the pinyin (Kashgar). */
  readonly english?: string;
}

/** The division as `locateXinjiang` and `resolveRegion` report it. */
export interface DivisionRef {
  readonly code: string;
  readonly name: string;
  readonly pinyin: string;
  readonly english?: string;
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function prefectureCodeOf(code: string): string {
  return code.startsWith("6590") || code.endsWith("0000") ? code : `${code.slice(0, 4)}00`;
}

export function isXinjiangCode(code: string): boolean {
  return code.startsWith("65");
}

export function isXpccCode(code: string): boolean {
  return code.startsWith("6590");
}
