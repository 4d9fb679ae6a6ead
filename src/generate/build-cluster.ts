import { type ChainEvent, eventOrderTime } from "./chain-event.ts";
import { type ClusterContext, createClusterContext } from "./cluster-context.ts";
import {
  buildClean,
  buildListedProcessor,
  buildRelabelledLot,
  buildUntracedInput,
  buildXinjiangBlend,
} from "./cluster-recipes.ts";
import {
  buildOverClaimedGarment,
  buildOverClaimedSpinner,
  buildRetractedEvent,
} from "./cluster-recipes-planted.ts";
import type { FacilityPool } from "./facility-pool.ts";
import type { ClusterKind, MassTotals, PlantedCaseTruth, ShipmentTruth } from "./ground-truth-types.ts";
import { createPrng, deriveSeed, shuffle } from "./prng.ts";

/**
 * One supply web: a few origin feeds, one or two spinners, their fabric and garment makers and the
 * import shipments. Clusters share facilities but never lots, so each cluster's ground truth is
 * exact on its own and any cluster can be rebuilt from (seed, index) alone.
 */
export interface Cluster {
  readonly index: number;
  readonly kind: ClusterKind;
  /** In time order; a retraction copy follows at its declaration time. */
  readonly events: readonly ChainEvent[];
  readonly shipments: readonly ShipmentTruth[];
  readonly cases: readonly PlantedCaseTruth[];
  readonly massTotals: readonly MassTotals[];
}

export const CLUSTER_KINDS: readonly ClusterKind[] = [
  "clean",
  "xinjiang-blend",
  "relabelled-lot",
  "listed-entity-processor",
  "untraced-input",
  "over-claimed-garment",
  "over-claimed-spinner",
  "retracted-event",
];

/** Cumulative weights after the first eight clusters (which hold one of each kind). */
const WEIGHTS: readonly (readonly [ClusterKind, number])[] = [
  ["clean", 0.3],
  ["xinjiang-blend", 0.55],
  ["relabelled-lot", 0.64],
  ["listed-entity-processor", 0.72],
  ["untraced-input", 0.8],
  ["over-claimed-garment", 0.87],
  ["over-claimed-spinner", 0.94],
  ["retracted-event", 1],
];

/** Every chain, however small, holds each kind once in its first eight clusters. */
export function clusterKind(seed: number, index: number): ClusterKind {
  if (index < CLUSTER_KINDS.length) {
    const order = shuffle(createPrng(deriveSeed(seed, 0x0dd)), CLUSTER_KINDS);
    return order[index] as ClusterKind;
  }
  const draw = createPrng(deriveSeed(seed, index, 3)).next();
  return (WEIGHTS.find(([, limit]) => draw < limit) ?? WEIGHTS[0])?.[0] ?? "clean";
}

const RECIPES: Readonly<Record<ClusterKind, (ctx: ClusterContext) => void>> = {
  clean: buildClean,
  "xinjiang-blend": buildXinjiangBlend,
  "relabelled-lot": buildRelabelledLot,
  "listed-entity-processor": buildListedProcessor,
  "untraced-input": buildUntracedInput,
  "over-claimed-garment": buildOverClaimedGarment,
  "over-claimed-spinner": buildOverClaimedSpinner,
  "retracted-event": buildRetractedEvent,
};

export function buildCluster(seed: number, index: number, pool: FacilityPool): Cluster {
  const kind = clusterKind(seed, index);
  const ctx = createClusterContext(seed, index, kind, pool);
  RECIPES[kind](ctx);
  const events = ctx.events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => eventOrderTime(a.event) - eventOrderTime(b.event) || a.order - b.order)
    .map(({ event }) => event);
  const cases = [...ctx.cases].map(([id, notes]) => ({
    id,
    kind: notes.kind,
    cluster: index,
    description: notes.description,
    eventIds: notes.eventIds,
    lots: notes.lots,
    locations: notes.locations,
    shipments: ctx.shipments.filter((s) => s.plantedCases.includes(id)).map((s) => s.bol),
  }));
  return { index, kind, events, shipments: ctx.shipments, cases, massTotals: [...ctx.massTotals.values()] };
}
