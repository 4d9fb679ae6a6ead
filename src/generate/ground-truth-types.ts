import type { Mix } from "./composition.ts";
import type { ListedEntity } from "./facility.ts";

/** Finding codes the tracer is expected to raise for a shipment. */
export type FlagCode =
  | "origin-claim-contradicted"
  | "mass-balance-exceeded"
  | "untraced-input"
  | "listed-entity-in-chain";

/** Kinds of supply web the generator builds; all but `clean` and `xinjiang-blend` are planted cases. */
export type ClusterKind =
  | "clean"
  | "xinjiang-blend"
  | "relabelled-lot"
  | "listed-entity-processor"
  | "untraced-input"
  | "over-claimed-garment"
  | "over-claimed-spinner"
  | "retracted-event";

export interface ListedHitTruth {
  readonly entity: string;
  readonly chineseName?: string;
  readonly listId: string;
  readonly section: string;
  /** `operator`: the listed entity runs the facility; `owner`: it owns the operating party. */
  readonly via: "operator" | "owner";
  readonly party: string;
  readonly partyName: string;
  readonly location: string;
  readonly locationName: string;
}

/** `inadmissible`: Xinjiang input or a listed entity; `insufficient-evidence`: gaps or broken mass balance. */
export type ExpectedVerdict = "admissible" | "inadmissible" | "insufficient-evidence";

export interface ShipmentTruth {
  readonly bol: string;
  readonly cluster: number;
  readonly clusterKind: ClusterKind;
  readonly shippingEventId: string;
  readonly receivingEventId: string;
  readonly shippedAt: string;
  readonly receivedAt: string;
  readonly exporter: {
    readonly location: string;
    readonly party: string;
    readonly name: string;
    readonly country: string;
  };
  readonly importer: { readonly location: string; readonly party: string; readonly name: string };
  readonly lots: readonly { readonly lot: string; readonly kg: number }[];
  readonly totalKg: number;
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  /** Traced shares by origin (`CN-XJ` for Xinjiang, ISO alpha-2 otherwise); with unknownShare they sum to 1. */
  readonly originCountries: Mix;
  readonly listedEntityInChain: { readonly present: boolean; readonly entities: readonly ListedHitTruth[] };
  readonly expectedFlags: readonly FlagCode[];
  readonly expectedVerdict: ExpectedVerdict;
  readonly plantedCases: readonly string[];
}

export interface PlantedCaseTruth {
  readonly id: string;
  readonly kind: ClusterKind;
  readonly cluster: number;
  readonly description: string;
  readonly eventIds: readonly string[];
  readonly lots: readonly string[];
  readonly locations: readonly string[];
  readonly shipments: readonly string[];
}

/** Per-location totals of transformation inputs and outputs (non-retracted), in kg. */
export interface MassTotals {
  readonly location: string;
  readonly name: string;
  readonly party: string;
  readonly stage: "spinning" | "cut-make-trim";
  inputKg: number;
  outputKg: number;
  readonly inputKgByOrigin: Record<string, number>;
  readonly claimedOutputKg: Record<string, number>;
}

export type { ListedEntity };
