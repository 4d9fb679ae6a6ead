import type { LocationId } from "../model/index.ts";

/**
 * What the geography resolver (another folder) says about a location. `xinjiang` is the
 * resolver's verdict, so the engine never re-implements admin codes or spellings.
 */
export interface RegionInfo {
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** Province (for China) or other first-level region, as the resolver names it. */
  readonly region?: string;
  readonly xinjiang: boolean;
}

export type RegionOf = (location: LocationId) => RegionInfo | undefined;

/**
 * A confirmed or above-threshold, undismissed screening hit on a location's name, operator or
 * owner. Screening decides what counts; tracing only follows the goods.
 */
export interface ListedHit {
  /** The name that matched (the location's, its operator's or its owner's). */
  readonly name: string;
  /** The list entry, e.g. "UFLPA Entity List 2(d)(2)(B)(v): Xinjiang Zhongtai Group". */
  readonly listEntry: string;
  readonly score?: number;
}

export type ListedHits = ReadonlyMap<LocationId, readonly ListedHit[]>;

/** Processing stages of the cotton chain, in chain order (Open Supply Hub processing types). */
export type Stage = "ginning" | "spinning" | "knitting-weaving" | "dyeing-finishing" | "cut-and-sew";

export const STAGES: readonly Stage[] = [
  "ginning",
  "spinning",
  "knitting-weaving",
  "dyeing-finishing",
  "cut-and-sew",
];

export type StageOf = (location: LocationId) => Stage | undefined;

const STAGE_WORDS: readonly (readonly [RegExp, Stage])[] = [
  [/gin/i, "ginning"],
  [/spin|yarn/i, "spinning"],
  [/knit|weav|fabric/i, "knitting-weaving"],
  [/dye|finish|print|wet process/i, "dyeing-finishing"],
  [/cut|sew|garment|apparel|assembl/i, "cut-and-sew"],
];

/** Maps an Open Supply Hub processing type ("Spinning", "Cut and sew"…) onto a stage. */
export function stageFromProcessingType(processingType: string | undefined): Stage | undefined {
  if (!processingType) return undefined;
  return STAGE_WORDS.find(([pattern]) => pattern.test(processingType))?.[1];
}

export type FlagCode =
  | "untraced-input"
  | "location-without-region"
  | "shipment-without-document"
  | "missing-tier"
  | "unconvertible-quantity"
  | "cycle"
  | "origin-claim-contradicted"
  | "mass-balance-exceeded"
  | "prior-applied";

export interface TraceFlag {
  readonly code: FlagCode;
  readonly location?: string;
  readonly lot?: string;
  readonly event?: string;
  /** Every lot concerned, when more than one (a cycle). */
  readonly lots?: readonly string[];
  readonly message: string;
}
