export type { GenerateOptions } from "./generate-chain.ts";
export { facilityScale, generateChain, SAMPLE_SIZES } from "./generate-chain.ts";
export type { GeneratedFile } from "./generated-file.ts";
export type {
  ClusterKind,
  ExpectedVerdict,
  FlagCode,
  ListedHitTruth,
  PlantedCaseTruth,
  ShipmentTruth,
} from "./ground-truth-types.ts";
export { createPrng, type Prng } from "./prng.ts";
