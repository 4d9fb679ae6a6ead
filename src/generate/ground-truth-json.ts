import { type ChainSpec, streamClusters } from "./cluster-stream.ts";
import { type Facility, listedHit } from "./facility.ts";
import type { ClusterKind, ExpectedVerdict, MassTotals } from "./ground-truth-types.ts";

/** Spinning 0.90 (carded), cut-make-trim 0.90: DOMAIN.md's maximum yields. */
const MAX_YIELD: Readonly<Record<MassTotals["stage"], number>> = { spinning: 0.9, "cut-make-trim": 0.9 };

const CONVENTIONS = {
  composition:
    "An origin lot is 100 % its creation location's region; a TransformationEvent gives every output the input-quantity-weighted mix of its inputs; shipping/receiving never changes a mix; a lot made by several events is the output-quantity-weighted average; consuming part of a lot leaves the rest's mix; untraced input mass is unknown; retracted events are ignored.",
  origins:
    "Shares keyed by origin region: CN-XJ (Xinjiang) or the ISO 3166-1 alpha-2 country; originCountries plus unknownShare sum to 1.",
  bol: "bizTransaction values in the EPCIS documents are urn:epcglobal:cbv:bt:<issuer GLN>:<number>; `bol` here is the number (BOL-<carrier>-<n>); movements.csv states the bare number.",
  flags:
    "origin-claim-contradicted: a countryOfOrigin claim upstream whose traced mix holds another country; mass-balance-exceeded: a transformation upstream at a location whose (claim-based) mass balance fails; untraced-input: an input lot no event creates; listed-entity-in-chain: a UFLPA-listed entity operates (or owns the operator of) a location that produced a lot upstream.",
  verdict:
    "inadmissible: Xinjiang share > 0 or a listed entity; insufficient-evidence: unknown mass or a flag; admissible otherwise.",
};

function indent(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n    ");
}

function listedFacilities(facilities: readonly Facility[]): unknown[] {
  return facilities.flatMap((facility) => {
    const hit = listedHit(facility);
    if (!hit) return [];
    return [
      {
        entity: hit.entity.name,
        chineseName: hit.entity.chineseName,
        listId: hit.entity.listId,
        section: hit.entity.section,
        via: hit.via,
        party: facility.party.id,
        partyName: facility.party.name,
        location: facility.sgln,
        locationName: facility.name,
      },
    ];
  });
}

function massBalanceEntry(totals: MassTotals): unknown {
  const maxYield = MAX_YIELD[totals.stage];
  const claims = Object.entries(totals.claimedOutputKg).map(([origin, claimedOutputKg]) => {
    const originInputKg = totals.inputKgByOrigin[origin] ?? 0;
    return {
      origin,
      originInputKg,
      claimedOutputKg,
      maxClaimableKg: originInputKg * maxYield,
      exceeded: claimedOutputKg > originInputKg * maxYield,
    };
  });
  return {
    ...totals,
    yield: totals.outputKg / totals.inputKg,
    maxYield,
    maxOutputKg: totals.inputKg * maxYield,
    totalExceeded: totals.outputKg > totals.inputKg * maxYield,
    claims,
  };
}

interface Tally {
  clusters: number;
  events: number;
  epcisEvents: number;
  csvEvents: number;
  shipments: number;
  readonly byKind: Partial<Record<ClusterKind, number>>;
  readonly byVerdict: Partial<Record<ExpectedVerdict, number>>;
}

function* shipmentsSection(spec: ChainSpec, tally: Tally): Generator<string> {
  let first = true;
  for (const { cluster } of streamClusters(spec)) {
    tally.clusters += 1;
    tally.events += cluster.events.length;
    tally.epcisEvents += cluster.events.filter((e) => e.facility.channel === "epcis").length;
    tally.csvEvents += cluster.events.filter((e) => e.facility.channel === "csv").length;
    tally.byKind[cluster.kind] = (tally.byKind[cluster.kind] ?? 0) + 1;
    for (const shipment of cluster.shipments) {
      tally.shipments += 1;
      tally.byVerdict[shipment.expectedVerdict] = (tally.byVerdict[shipment.expectedVerdict] ?? 0) + 1;
      yield `${first ? "" : ",\n"}    ${indent(shipment)}`;
      first = false;
    }
  }
}

function addTotals(totals: Map<string, MassTotals>, entry: MassTotals): void {
  const sum = totals.get(entry.location);
  if (!sum) {
    totals.set(entry.location, structuredClone(entry));
    return;
  }
  sum.inputKg += entry.inputKg;
  sum.outputKg += entry.outputKg;
  for (const [k, v] of Object.entries(entry.inputKgByOrigin))
    sum.inputKgByOrigin[k] = (sum.inputKgByOrigin[k] ?? 0) + v;
  for (const [k, v] of Object.entries(entry.claimedOutputKg))
    sum.claimedOutputKg[k] = (sum.claimedOutputKg[k] ?? 0) + v;
}

/** Second pass: the planted cases, and per-location totals summed over every cluster. */
function* casesSection(spec: ChainSpec, totals: Map<string, MassTotals>): Generator<string> {
  let first = true;
  for (const { cluster } of streamClusters(spec)) {
    for (const entry of cluster.massTotals) addTotals(totals, entry);
    if (cluster.cases.length === 0) continue;
    yield `${first ? "" : ",\n"}    ${cluster.cases.map(indent).join(",\n    ")}`;
    first = false;
  }
}

/** ground-truth.json, streamed: two passes over the clusters (shipments, then cases and totals). */
export function* groundTruthChunks(spec: ChainSpec): Generator<string> {
  const tally: Tally = {
    clusters: 0,
    events: 0,
    epcisEvents: 0,
    csvEvents: 0,
    shipments: 0,
    byKind: {},
    byVerdict: {},
  };
  const head = {
    generator: "threadproof generate",
    formatVersion: 1,
    seed: spec.seed,
    requestedEvents: spec.events,
    conventions: CONVENTIONS,
    facilities: spec.pool.all.length,
    listedFacilities: listedFacilities(spec.pool.all),
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "shipments": [\n`;
  yield* shipmentsSection(spec, tally);
  yield `\n  ],\n  "plantedCases": [\n`;
  const totals = new Map<string, MassTotals>();
  yield* casesSection(spec, totals);
  const massBalance = [...totals.values()].map(massBalanceEntry);
  yield `\n  ],\n  "massBalance": ${JSON.stringify(massBalance, null, 2).replace(/\n/g, "\n  ")},\n  "summary": ${JSON.stringify(tally, null, 2).replace(/\n/g, "\n  ")}\n}\n`;
}
