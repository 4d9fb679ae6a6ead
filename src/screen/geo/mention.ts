import type { DivisionLevel } from "./division.ts";

/**
 * How much a mention proves on its own.
 * - `strong`: names a place unambiguously (Kashgar, 新疆, a labelled postal code).
 * - `context`: counts only with Chinese context (Aksu, Altay, a bare 6-digit number, county pinyin).
 * - `corroborate`: only refines a location other evidence already gives (Xinxing, Baiyang).
 */
export type MentionStrength = "strong" | "context" | "corroborate";

export type MentionKind = "name" | "postal-code" | "admin-code" | "uscc" | "xpcc";

/** One place signal found in an address, before candidates are resolved against each other. */
export interface Mention {
  readonly kind: MentionKind;
  /** The text as found (normalised). */
  readonly surface: string;
  readonly start: number;
  /** Division codes it may denote; empty for markers that name no division (团场). */
  readonly candidates: readonly string[];
  readonly strength: MentionStrength;
  /** Candidates to take on a tie (the curated romanisation's own division: Yining → 伊宁市). */
  readonly preferred?: readonly string[];
  /** Levels a following word asks for ("county", "xian" → 2; "city", "shi" → a division named …市). */
  readonly levelHint?: readonly (DivisionLevel | "city")[];
  /** Part of a street name (乌鲁木齐中路, Kashgar Road): recorded, never located. */
  readonly street?: boolean;
  /** True when the mention is an XPCC marker or XPCC place. */
  readonly xpcc?: boolean;
  /** Province votes only: a postal-code prefix outside Xinjiang (32xxxx → Zhejiang). */
  readonly provinceOnly?: boolean;
}
