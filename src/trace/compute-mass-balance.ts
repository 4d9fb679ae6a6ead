import { addToTally, type BucketTally, createTally, tallyEntries } from "./bucket-tally.ts";
import { percent } from "./check-origin-claim.ts";
import type { Composition } from "./compute-composition.ts";
import type { Stage, StageOf, TraceFlag } from "./inputs.ts";
import type { OriginBucket } from "./origin-buckets.ts";
import { createPeriodClock, type Period, periodIndex } from "./period-clock.ts";
import type { TraceGraph } from "./trace-graph.ts";
import { KIND_TRANSFORM } from "./trace-graph.ts";

export type YieldTable = Readonly<Record<Stage, number>>;

/** Maximum output/input mass per stage (DOMAIN.md; knitting onwards are estimates). Unknown stage: 1.0. */
export const DEFAULT_YIELDS: YieldTable = {
  ginning: 0.42,
  spinning: 0.9,
  "knitting-weaving": 0.98,
  "dyeing-finishing": 0.97,
  "cut-and-sew": 0.9,
};

export interface MassBalanceOptions {
  readonly yields?: Partial<YieldTable>;
  /** Defaults to the stages the composition was computed with. */
  readonly stageOf?: StageOf;
  readonly period?: Period;
  readonly nameOf?: (location: string) => string | undefined;
}

export interface OriginMass {
  readonly origin: string;
  readonly kg: number;
}

export interface ClaimCheck {
  /** The claimed country of origin. */
  readonly origin: string;
  readonly claimedKg: number;
  /** Input consumed at the location whose traced origin is in that country. */
  readonly inputKg: number;
  readonly maxYield: number;
  readonly limitKg: number;
  readonly status: "ok" | "exceeded";
}

export interface LocationBalance {
  readonly location: string;
  readonly name: string | null;
  readonly period: string | null;
  readonly stage: Stage | null;
  readonly maxYield: number;
  readonly status: "ok" | "exceeded";
  readonly inputKg: number;
  readonly outputKg: number;
  readonly limitKg: number;
  readonly claims: readonly ClaimCheck[];
  readonly inputs: readonly OriginMass[];
  readonly outputs: readonly OriginMass[];
  readonly flags: readonly TraceFlag[];
}

export interface MassBalance {
  readonly locations: readonly LocationBalance[];
}

interface Group {
  readonly loc: number;
  readonly period: string | null;
  readonly inputs: BucketTally;
  readonly outputs: BucketTally;
  readonly claims: Map<string, number>;
  inputKg: number;
  outputKg: number;
  unweighed: number;
}

/**
 * Claims-based mass balance per location (and period): what the transformations there put out
 * must be explainable by what they consumed. Origin events are not balanced: they are where mass
 * enters the chain by definition.
 */
export function computeMassBalance(
  graph: TraceGraph,
  comp: Composition,
  options: MassBalanceOptions = {},
): MassBalance {
  // Numeric group keys (location + locations × period): no string built or hashed per event.
  const groups = new Map<number, Group>();
  const clock = options.period ? createPeriodClock(options.period) : undefined;
  const nLocations = graph.locationIds.length;
  for (let e = 0; e < graph.eventIds.length; e++) {
    const loc = graph.eventLocation[e]!;
    if (graph.eventKind[e] !== KIND_TRANSFORM || loc < 0) continue;
    const p = clock ? periodIndex(clock, graph.eventTime[e]!) : 0;
    const key = loc + nLocations * p;
    let group = groups.get(key);
    if (!group) {
      group = newGroup(loc, clock ? clock.labels[p]! : null, comp.buckets.length);
      groups.set(key, group);
    }
    addEvent(graph, comp, group, e);
  }
  const yields = { ...DEFAULT_YIELDS, ...options.yields };
  const locations = [...groups.values()].map((g) => settle(graph, comp, g, yields, options));
  return { locations };
}

function newGroup(loc: number, period: string | null, buckets: number): Group {
  return {
    loc,
    period,
    inputs: createTally(buckets),
    outputs: createTally(buckets),
    claims: new Map(),
    inputKg: 0,
    outputKg: 0,
    unweighed: 0,
  };
}

function addEvent(graph: TraceGraph, comp: Composition, group: Group, e: number): void {
  for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) {
    const kg = graph.inKg[k]!;
    if (Number.isNaN(kg)) group.unweighed++;
    else {
      group.inputKg += kg;
      spread(comp, comp.lotOffset, comp.lotLength, graph.inLot[k]!, kg, group.inputs);
    }
  }
  const claim = graph.eventClaim[e]!;
  for (let k = graph.outStart[e]!; k < graph.outStart[e + 1]!; k++) {
    const kg = graph.outKg[k]!;
    if (Number.isNaN(kg)) {
      group.unweighed++;
      continue;
    }
    group.outputKg += kg;
    spread(comp, comp.eventOffset, comp.eventLength, e, kg, group.outputs);
    if (claim >= 0) {
      const country = graph.claims[claim]!;
      group.claims.set(country, (group.claims.get(country) ?? 0) + kg);
    }
  }
}

function spread(
  comp: Composition,
  offset: Int32Array,
  length: Int32Array,
  node: number,
  kg: number,
  into: BucketTally,
): void {
  const start = offset[node]!;
  for (let p = start; p < start + length[node]!; p++)
    addToTally(into, comp.poolBucket[p]!, kg * comp.poolShare[p]!);
}

const SLACK = 1e-9;

/** One location's (and period's) sums, whichever engine took them (here in memory; SQL when sharded). */
export interface LocationSums {
  readonly location: string;
  readonly period: string | null;
  readonly inputKg: number;
  readonly outputKg: number;
  /** Lines without a mass, left out of the sums. */
  readonly unweighed: number;
  /** Input and output mass by the composition's origin bucket. */
  readonly inputs: readonly (readonly [bucket: number, kg: number])[];
  readonly outputs: readonly (readonly [bucket: number, kg: number])[];
  /** Output mass per claimed country of origin. */
  readonly claims: Iterable<readonly [country: string, kg: number]>;
}

function settle(
  graph: TraceGraph,
  comp: Composition,
  g: Group,
  yields: YieldTable,
  options: MassBalanceOptions,
): LocationBalance {
  const location = graph.locationIds[g.loc]!;
  const stage = (options.stageOf ? options.stageOf(location) : comp.locationStage[g.loc]) ?? null;
  const sums: LocationSums = {
    location,
    period: g.period,
    inputKg: g.inputKg,
    outputKg: g.outputKg,
    unweighed: g.unweighed,
    inputs: [...tallyEntries(g.inputs)],
    outputs: [...tallyEntries(g.outputs)],
    claims: g.claims,
  };
  return settleLocation(
    sums,
    comp.buckets,
    stage,
    stage ? yields[stage] : 1,
    options.nameOf?.(location) ?? null,
  );
}

/**
 * One location's limits, statuses and flags from its sums: the single rule every engine applies
 * (the in-memory balance above and the sharded one), so they flag a location the same way.
 */
export function settleLocation(
  sums: LocationSums,
  buckets: readonly OriginBucket[],
  stage: Stage | null,
  maxYield: number,
  name: string | null,
): LocationBalance {
  const claims = [...sums.claims].map(([origin, claimedKg]) => {
    let inputKg = 0;
    for (const [b, kg] of sums.inputs) if (buckets[b]!.known && buckets[b]!.country === origin) inputKg += kg;
    const limitKg = inputKg * maxYield;
    const status = claimedKg > limitKg * (1 + SLACK) + SLACK ? ("exceeded" as const) : ("ok" as const);
    return { origin, claimedKg, inputKg, maxYield, limitKg, status };
  });
  const limitKg = sums.inputKg * maxYield;
  const totalExceeded = sums.outputKg > limitKg * (1 + SLACK) + SLACK;
  return {
    location: sums.location,
    name,
    period: sums.period,
    stage,
    maxYield,
    status: totalExceeded || claims.some((c) => c.status === "exceeded") ? "exceeded" : "ok",
    inputKg: sums.inputKg,
    outputKg: sums.outputKg,
    limitKg,
    claims,
    inputs: byOrigin(buckets, sums.inputs),
    outputs: byOrigin(buckets, sums.outputs),
    flags: balanceFlags(sums, claims, totalExceeded, limitKg, maxYield),
  };
}

function balanceFlags(
  sums: LocationSums,
  claims: readonly ClaimCheck[],
  totalExceeded: boolean,
  limitKg: number,
  maxYield: number,
): TraceFlag[] {
  const { location } = sums;
  const when = sums.period ? ` in ${sums.period}` : "";
  const flags: TraceFlag[] = claims
    .filter((c) => c.status === "exceeded")
    .map((c) => ({
      code: "mass-balance-exceeded" as const,
      location,
      message: `${location}${when}: ${kg(c.claimedKg)} claimed as ${c.origin}, but only ${kg(c.inputKg)} of ${c.origin} input × max yield ${c.maxYield} = ${kg(c.limitKg)}`,
    }));
  if (totalExceeded) {
    flags.push({
      code: "mass-balance-exceeded",
      location,
      message: `${location}${when}: output ${kg(sums.outputKg)} exceeds input ${kg(sums.inputKg)} × max yield ${maxYield} = ${kg(limitKg)} (${percent(sums.outputKg / Math.max(sums.inputKg, Number.MIN_VALUE))} of input)`,
    });
  }
  if (sums.unweighed > 0) {
    flags.push({
      code: "unconvertible-quantity",
      location,
      message: `${location}${when}: ${sums.unweighed} line(s) without a mass left out of the balance`,
    });
  }
  return flags;
}

function kg(value: number): string {
  return `${Number(value.toFixed(3))} kg`;
}

function byOrigin(buckets: readonly OriginBucket[], masses: LocationSums["inputs"]): OriginMass[] {
  const merged = new Map<string, number>();
  for (const [b, value] of masses) {
    const key = buckets[b]!.known ? buckets[b]!.key : "unknown";
    merged.set(key, (merged.get(key) ?? 0) + value);
  }
  return [...merged].map(([origin, value]) => ({ origin, kg: value })).sort((a, b) => b.kg - a.kg);
}
