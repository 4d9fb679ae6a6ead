import type { ChainEvent, DocumentNumbers, LotLine, Product } from "./chain-event.ts";
import { ITEM_REFERENCE } from "./chain-event.ts";
import { type Facility, listedHit } from "./facility.ts";
import type { FacilityPool } from "./facility-pool.ts";
import type { ClusterKind, ListedHitTruth, MassTotals, ShipmentTruth } from "./ground-truth-types.ts";
import { lgtinUrn } from "./gs1-keys.ts";
import { LotLedger, NO_TAINT, type Taint } from "./lot-ledger.ts";
import { createPrng, deriveSeed, type Prng, pick, uuid } from "./prng.ts";

/** Ids, lots and facts gathered for one planted case while its cluster is built. */
export interface CaseNotes {
  readonly kind: ClusterKind;
  readonly description: string;
  readonly eventIds: string[];
  readonly lots: string[];
  readonly locations: string[];
}

/** Mutable state while one cluster is built; discarded once the cluster's text is written. */
export interface ClusterContext {
  readonly index: number;
  readonly kind: ClusterKind;
  readonly pool: FacilityPool;
  readonly prng: Prng;
  readonly idPrng: Prng;
  readonly season: number;
  readonly events: ChainEvent[];
  readonly ledger: LotLedger;
  readonly shipments: ShipmentTruth[];
  readonly cases: Map<string, CaseNotes>;
  readonly massTotals: Map<string, MassTotals>;
  counters: { lot: number; doc: number; bol: number };
}

export function createClusterContext(
  seed: number,
  index: number,
  kind: ClusterKind,
  pool: FacilityPool,
): ClusterContext {
  return {
    index,
    kind,
    pool,
    prng: createPrng(deriveSeed(seed, index, 1)),
    idPrng: createPrng(deriveSeed(seed, index, 2)),
    season: 2022 + (index % 3),
    events: [],
    ledger: new LotLedger(),
    shipments: [],
    cases: new Map(),
    massTotals: new Map(),
    counters: { lot: 0, doc: 0, bol: 0 },
  };
}

export const DAY = 86_400_000;

/** Kilograms to 0.1 kg, the precision every quantity is stated with. */
export function roundKg(kg: number): number {
  return Math.round(kg * 10) / 10;
}

export function eventId(ctx: ClusterContext): string {
  return `urn:uuid:${uuid(ctx.idPrng)}`;
}

const PRODUCT_TAG: Readonly<Record<Product, string>> = {
  "seed cotton": "S",
  "cotton lint": "L",
  yarn: "Y",
  "greige fabric": "F",
  garments: "G",
};

/** A new lot of `product` under the producer's company prefix; the cluster index keeps it unique. */
export function newLot(ctx: ClusterContext, producer: Facility, product: Product): string {
  ctx.counters.lot += 1;
  const code = `${PRODUCT_TAG[product]}${String(ctx.season).slice(2)}-${String(ctx.index).padStart(6, "0")}-${String(ctx.counters.lot).padStart(2, "0")}`;
  return lgtinUrn(producer.party.companyPrefix, ITEM_REFERENCE[product], code);
}

const CARRIERS = ["MAEU", "MSCU", "CMDU", "HLCU", "EGLV", "ONEY", "COSU"];

/** Document numbers for a movement: po and inv always, a bill of lading when it crosses a border. */
export function movementDocs(ctx: ClusterContext, from: Facility, to: Facility): DocumentNumbers {
  ctx.counters.doc += 1;
  const serial = `${ctx.index}-${ctx.counters.doc}`;
  const docs = { po: `PO-${serial}`, inv: `INV-${serial}` };
  if (from.place.country === to.place.country) return docs;
  ctx.counters.bol += 1;
  // 100 numbers per cluster keep bills of lading unique across the chain without shared state.
  const number = 5501 + ctx.index * 100 + ctx.counters.bol;
  return { ...docs, bol: `BOL-${pick(ctx.prng, CARRIERS)}-${number}` };
}

/** The taint a facility adds to whatever it produces: its listed operator or owner. */
export function facilityTaint(facility: Facility): Taint {
  const hit = listedHit(facility);
  if (!hit) return NO_TAINT;
  const truth: ListedHitTruth = {
    entity: hit.entity.name,
    ...(hit.entity.chineseName ? { chineseName: hit.entity.chineseName } : {}),
    listId: hit.entity.listId,
    section: hit.entity.section,
    via: hit.via,
    party: facility.party.id,
    partyName: facility.party.name,
    location: facility.sgln,
    locationName: facility.name,
  };
  return {
    flags: new Set(["listed-entity-in-chain"]),
    listed: new Map([[`${truth.listId}@${truth.location}`, truth]]),
    cases: new Set(),
  };
}

export function noteCase(
  ctx: ClusterContext,
  caseId: string,
  notes: {
    readonly eventIds?: readonly string[];
    readonly lots?: readonly string[];
    readonly locations?: readonly string[];
  },
): void {
  const entry = ctx.cases.get(caseId);
  if (!entry) throw new Error(`unknown case ${caseId}`);
  for (const id of notes.eventIds ?? []) if (!entry.eventIds.includes(id)) entry.eventIds.push(id);
  for (const lot of notes.lots ?? []) if (!entry.lots.includes(lot)) entry.lots.push(lot);
  for (const location of notes.locations ?? [])
    if (!entry.locations.includes(location)) entry.locations.push(location);
}

export function openCase(ctx: ClusterContext, kind: ClusterKind, description: string): string {
  const id = `${kind}-${String(ctx.index).padStart(6, "0")}`;
  ctx.cases.set(id, { kind, description, eventIds: [], lots: [], locations: [] });
  return id;
}

export function totalKg(lines: readonly LotLine[]): number {
  return lines.reduce((sum, line) => sum + line.kg, 0);
}
