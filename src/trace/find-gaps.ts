import { checkOriginClaim } from "./check-origin-claim.ts";
import type { Composition } from "./compute-composition.ts";
import { stageBit } from "./compute-composition.ts";
import type { TraceFlag } from "./inputs.ts";
import type { TraceGraph } from "./trace-graph.ts";
import {
  FLAG_INPUT_UNCONVERTIBLE,
  FLAG_OUTPUT_UNCONVERTIBLE,
  KIND_RECEIVE,
  KIND_SHIP,
  KIND_TRANSFORM,
} from "./trace-graph.ts";

/** The tiers every path from a garment back to an origin must pass through. */
const REQUIRED_TIERS = [
  ["spinning", stageBit("spinning")],
  ["knitting-weaving", stageBit("knitting-weaving")],
] as const;
const GARMENT = stageBit("cut-and-sew");

export interface GapScope {
  readonly lots: Iterable<number>;
  readonly events: Iterable<number>;
}

/**
 * Gaps in the evidence, for the given lots and events (a trace's ancestry) or for the whole graph.
 * Custody events of the lots are checked too. Each location, event and lot is reported once.
 */
export function findGaps(graph: TraceGraph, comp: Composition, scope?: GapScope): TraceFlag[] {
  const lots = scope ? [...scope.lots] : graph.lotIds.map((_, l) => l);
  const events = new Set(scope ? scope.events : graph.eventIds.map((_, e) => e));
  const flags: TraceFlag[] = [];
  const cycle = new Set(comp.cycleLots);
  const onCycle: string[] = [];
  for (const l of lots) {
    if (cycle.has(l)) onCycle.push(graph.lotIds[l]!);
    flags.push(...lotGaps(graph, l));
    for (let k = graph.heldStart[l]!; k < graph.heldStart[l + 1]!; k++) events.add(graph.heldEvent[k]!);
  }
  const seenLocations = new Set<number>();
  for (const e of events) flags.push(...eventGaps(graph, comp, e, seenLocations));
  if (onCycle.length > 0) {
    flags.push({
      code: "cycle",
      lots: onCycle,
      message: `${onCycle.length} lot(s) lie on a cycle in the data (a lot among its own inputs); their origin is set to unknown`,
    });
  }
  return flags;
}

function lotGaps(graph: TraceGraph, l: number): TraceFlag[] {
  const lot = graph.lotIds[l]!;
  const flags: TraceFlag[] = [];
  if (graph.prodStart[l] === graph.prodStart[l + 1]) {
    flags.push({
      code: "untraced-input",
      lot,
      message: `no event creates ${lot}: its mass counts as unknown`,
    });
  }
  if (graph.lotFlags[l]! & FLAG_OUTPUT_UNCONVERTIBLE) {
    flags.push({
      code: "unconvertible-quantity",
      lot,
      message: `the events producing ${lot} give quantities in units that cannot be compared; lines that cannot be weighed are left out of its mix`,
    });
  }
  return flags;
}

function eventGaps(graph: TraceGraph, comp: Composition, e: number, seenLocations: Set<number>): TraceFlag[] {
  const flags: TraceFlag[] = [];
  const event = graph.eventIds[e]!;
  const loc = graph.eventLocation[e]!;
  const location = loc < 0 ? undefined : graph.locationIds[loc]!;
  const at = location === undefined ? {} : { location };
  if (loc >= 0 && !seenLocations.has(loc) && !resolvable(comp, loc)) {
    seenLocations.add(loc);
    flags.push({
      code: "location-without-region",
      ...at,
      message: `${location} has no address or region that resolves`,
    });
  }
  const kind = graph.eventKind[e]!;
  if ((kind === KIND_SHIP || kind === KIND_RECEIVE) && !graph.eventHasDocument[e]) {
    flags.push({
      code: "shipment-without-document",
      event,
      ...at,
      message: `shipment ${event} cites no purchase order, invoice or bill of lading`,
    });
  }
  if (graph.eventFlags[e]! & FLAG_INPUT_UNCONVERTIBLE) {
    flags.push({
      code: "unconvertible-quantity",
      event,
      ...at,
      message: `event ${event} has inputs in units that cannot be converted to the others; they are left out of the mix`,
    });
  }
  const contradiction = checkOriginClaim(graph, comp, e);
  if (contradiction) {
    const lot = graph.lotIds[graph.outLot[graph.outStart[e]!] ?? -1];
    flags.push({
      code: "origin-claim-contradicted",
      event,
      ...at,
      ...(lot ? { lot } : {}),
      message: `event ${event} ${contradiction}`,
    });
  }
  if (kind === KIND_TRANSFORM && loc >= 0) flags.push(...missingTiers(graph, comp, e, loc));
  return flags;
}

/** China needs a province to rule Xinjiang in or out; elsewhere a country is enough. */
function resolvable(comp: Composition, loc: number): boolean {
  const region = comp.locationRegion[loc];
  if (!region) return false;
  if (region.xinjiang) return true;
  return region.country !== undefined && (region.country !== "CN" || region.region !== undefined);
}

/**
 * A cut-and-sew transformation whose inputs have some path back to an origin without a
 * spinning or without a knitting/weaving transformation (untraced lots are reported on their own).
 */
function missingTiers(graph: TraceGraph, comp: Composition, e: number, loc: number): TraceFlag[] {
  const stage = comp.locationStage[loc];
  if (stage === undefined || !(stageBit(stage) & GARMENT)) return [];
  let mask = 0xff;
  for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) mask &= comp.stageMask[graph.inLot[k]!]!;
  const missing = REQUIRED_TIERS.filter(([, bit]) => !(mask & bit)).map(([name]) => name);
  if (missing.length === 0) return [];
  const event = graph.eventIds[e]!;
  const lot = graph.lotIds[graph.outLot[graph.outStart[e]!] ?? -1];
  return [
    {
      code: "missing-tier",
      event,
      location: graph.locationIds[loc]!,
      ...(lot ? { lot } : {}),
      message: `garments made by ${event} reach an origin on a path with no ${missing.join(" and no ")} transformation`,
    },
  ];
}
