export { ancestorLocations } from "./ancestor-locations.ts";
export type { PathStep } from "./ancestry.ts";
export { buildTraceGraph } from "./build-trace-graph.ts";
export { checkOriginClaim } from "./check-origin-claim.ts";
export type { Composition, CompositionOptions } from "./compute-composition.ts";
export { computeComposition } from "./compute-composition.ts";
export type {
  ClaimCheck,
  LocationBalance,
  LocationSums,
  MassBalance,
  MassBalanceOptions,
  OriginMass,
  YieldTable,
} from "./compute-mass-balance.ts";
export { computeMassBalance, DEFAULT_YIELDS, settleLocation } from "./compute-mass-balance.ts";
export type { GapScope } from "./find-gaps.ts";
export { findGaps } from "./find-gaps.ts";
export type {
  FlagCode,
  ListedHit,
  ListedHits,
  RegionInfo,
  RegionOf,
  Stage,
  StageOf,
  TraceFlag,
} from "./inputs.ts";
export { STAGES, stageFromProcessingType } from "./inputs.ts";
export type { OriginBucket, PriorTable } from "./origin-buckets.ts";
export { createBucketTable, DEFAULT_PRIORS, resolveLocations } from "./origin-buckets.ts";
export { renderTrace } from "./render-trace.ts";
export type { MixShares } from "./summarise-mix.ts";
export { summariseMix } from "./summarise-mix.ts";
export { topologicalOrder } from "./topological-order.ts";
export type { GraphStats, TopoOrder, TraceGraph } from "./trace-graph.ts";
export type {
  Descendant,
  ListedEntityInChain,
  LotQuantity,
  LotRecall,
  LotTrace,
  OriginShare,
  PriorUse,
  TraceOptions,
} from "./trace-lot.ts";
export { lotQuantity, traceLot } from "./trace-lot.ts";
