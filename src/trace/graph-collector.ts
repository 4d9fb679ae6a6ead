import type { LocationId, SupplyEvent } from "../model/index.ts";
import { toKilograms } from "../model/index.ts";
import type { Column } from "./column.ts";
import { column, float64, int32, push, uint8 } from "./column.ts";
import { parseEventTime } from "./parse-event-time.ts";
import { EVENT_KINDS, KIND_ORIGIN, KIND_TRANSFORM } from "./trace-graph.ts";

export const ROLE_IN = 0;
export const ROLE_OUT = 1;
export const ROLE_HELD = 2;

const DOCUMENT_TYPES = new Set(["po", "inv", "bol"]);
const CLAIM_KEYS = ["cbvmda:countryOfOrigin", "countryOfOrigin"];

/**
 * First pass of `buildTraceGraph`: one streaming pass over the events into flat columns. Events
 * are deduplicated by id (re-imports), and retractions are collected so `finishGraph` can drop
 * every copy of a retracted event, whichever order the copies came in.
 */
export interface GraphCollector {
  readonly lotIndex: Map<string, number>;
  readonly lotIds: string[];
  /** Ids of the events read so far: a re-imported copy is recognised by its id. */
  readonly eventSeen: Set<string>;
  readonly eventIds: string[];
  readonly declaredIds: Map<number, string>;
  readonly retracted: Set<string>;
  readonly locationIndex: Map<string, number>;
  readonly locationIds: LocationId[];
  readonly claimIndex: Map<string, number>;
  readonly claims: string[];
  readonly uomIndex: Map<string, number>;
  readonly kind: Column<Uint8Array>;
  readonly location: Column<Int32Array>;
  readonly time: Column<Float64Array>;
  readonly document: Column<Uint8Array>;
  readonly claim: Column<Int32Array>;
  readonly lineStart: Column<Int32Array>;
  readonly lineLot: Column<Int32Array>;
  readonly lineRole: Column<Uint8Array>;
  readonly lineKg: Column<Float64Array>;
  readonly lineQuantity: Column<Float64Array>;
  readonly lineUom: Column<Int32Array>;
  eventsRead: number;
  duplicates: number;
}

export function createCollector(): GraphCollector {
  return {
    lotIndex: new Map(),
    lotIds: [],
    eventSeen: new Set(),
    eventIds: [],
    declaredIds: new Map(),
    retracted: new Set(),
    locationIndex: new Map(),
    locationIds: [],
    claimIndex: new Map(),
    claims: [],
    uomIndex: new Map(),
    kind: column(uint8),
    location: column(int32),
    time: column(float64),
    document: column(uint8),
    claim: column(int32),
    lineStart: column(int32),
    lineLot: column(int32),
    lineRole: column(uint8),
    lineKg: column(float64),
    lineQuantity: column(float64),
    lineUom: column(int32),
    eventsRead: 0,
    duplicates: 0,
  };
}

function intern<T extends string>(index: Map<string, number>, list: T[], value: T): number {
  let id = index.get(value);
  if (id === undefined) {
    id = list.length;
    index.set(value, id);
    list.push(value);
  }
  return id;
}

export function collectEvent(c: GraphCollector, e: SupplyEvent): void {
  c.eventsRead++;
  const retracting = e.retracted || e.errorDeclaration !== undefined;
  if (retracting) {
    c.retracted.add(e.id);
    if (e.declaredId) c.retracted.add(e.declaredId);
  }
  // One hash operation per event: the set grows only when the id is new.
  const seen = c.eventSeen.size;
  if (c.eventSeen.add(e.id).size === seen) {
    if (!retracting) c.duplicates++;
    return;
  }
  const j = c.eventIds.length;
  c.eventIds.push(e.id);
  if (e.declaredId && e.declaredId !== e.id) c.declaredIds.set(j, e.declaredId);
  const kind = kindCode(e);
  const where = e.bizLocation ?? e.readPoint;
  push(c.kind, kind);
  push(c.location, where === undefined ? -1 : intern(c.locationIndex, c.locationIds, where));
  push(c.time, parseEventTime(e.eventTime));
  push(c.document, citesDocument(e) ? 1 : 0);
  push(c.claim, claimOf(c, e));
  push(c.lineStart, c.lineLot.length);
  if (retracting) return;
  collectLines(c, e, kind);
}

/** A TransformationEvent without inputs creates lots from nothing: it is an origin. */
function kindCode(e: SupplyEvent): number {
  if (e.kind === "transform" && e.inputs.length === 0 && e.inputEpcs.length === 0) return KIND_ORIGIN;
  return EVENT_KINDS.indexOf(e.kind);
}

function citesDocument(e: SupplyEvent): boolean {
  for (const t of e.bizTransactions) if (DOCUMENT_TYPES.has(transactionType(t.type))) return true;
  return false;
}

/** "po", "urn:epcglobal:cbv:btt:po" and "https://ref.gs1.org/cbv/BTT-po" are one type. */
function transactionType(raw: string): string {
  let cut = raw.length;
  while (cut > 0 && !SEPARATORS.has(raw.charCodeAt(cut - 1))) cut--;
  return (cut === 0 ? raw : raw.slice(cut)).toLowerCase();
}

const SEPARATORS = new Set([":", "/", "-"].map((c) => c.charCodeAt(0)));

function claimOf(c: GraphCollector, e: SupplyEvent): number {
  for (const key of CLAIM_KEYS) {
    const value = e.ilmd[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === "string" && text.trim())
      return intern(c.claimIndex, c.claims, text.trim().toUpperCase());
  }
  return -1;
}

function collectLines(c: GraphCollector, e: SupplyEvent, kind: number): void {
  const transformation = e.epcisType === "TransformationEvent";
  if (kind === KIND_TRANSFORM) {
    for (const q of e.inputs) addLine(c, ROLE_IN, q.lot, q.quantity, q.uom, q.kg);
    for (const epc of e.inputEpcs) addLine(c, ROLE_IN, epc, 1, "H87", undefined);
  }
  if (kind === KIND_TRANSFORM || (kind === KIND_ORIGIN && transformation)) {
    for (const q of e.outputs) addLine(c, ROLE_OUT, q.lot, q.quantity, q.uom, q.kg);
    for (const epc of e.outputEpcs) addLine(c, ROLE_OUT, epc, 1, "H87", undefined);
    return;
  }
  // Instance EPCs (SGTINs, SSCCs) are lots of one piece: their mass is unknown, never guessed.
  const role = kind === KIND_ORIGIN ? ROLE_OUT : ROLE_HELD;
  for (const q of e.quantities) addLine(c, role, q.lot, q.quantity, q.uom, q.kg);
  for (const epc of e.epcs) addLine(c, role, epc, 1, "H87", undefined);
}

function addLine(
  c: GraphCollector,
  role: number,
  lot: string,
  quantity: number | undefined,
  uom: string | undefined,
  kg: number | undefined,
): void {
  const mass = kg ?? (quantity !== undefined && uom ? toKilograms(quantity, uom) : undefined);
  push(c.lineLot, intern(c.lotIndex, c.lotIds, lot));
  push(c.lineRole, role);
  push(c.lineKg, mass ?? Number.NaN);
  push(c.lineQuantity, quantity ?? Number.NaN);
  push(c.lineUom, uom ? unitCode(c.uomIndex, uom.toUpperCase()) : -1);
}

function unitCode(index: Map<string, number>, uom: string): number {
  let id = index.get(uom);
  if (id === undefined) {
    id = index.size;
    index.set(uom, id);
  }
  return id;
}
