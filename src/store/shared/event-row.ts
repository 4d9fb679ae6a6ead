import { storedEventJson } from "../../app/index.ts";
import type { QuantityLine, SupplyEvent } from "../../model/index.ts";

/** The indexed columns of an `events` row and its lean JSON record (without those columns). */
export interface EventRow {
  readonly id: string;
  readonly declaredId: string | null;
  readonly epcisType: string;
  readonly kind: string;
  readonly action: string | null;
  /** UTC ISO instant, so that text order is time order whatever offset the sender used. */
  readonly eventTime: string;
  readonly bizStep: string | null;
  readonly readPoint: string | null;
  readonly bizLocation: string | null;
  readonly retracted: boolean;
  readonly record: string;
}

/** One row of `event_lots`: an identifier an event mentions, in which role, at which position. */
export interface EventEdge {
  readonly role: "input" | "output" | "quantity" | "epc" | "input-epc" | "output-epc" | "parent";
  readonly position: number;
  readonly lot: string;
  readonly quantity: number | null;
  readonly uom: string | null;
  readonly kg: number | null;
}

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function utcInstant(time: string): string {
  // Already what toISOString would give: skip the parse, which is a measurable share of a bulk import.
  if (CANONICAL_UTC.test(time)) return time;
  const ms = Date.parse(time);
  // An unparseable time is kept as given rather than dropped; it sorts after every real instant.
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

export function eventRow(e: SupplyEvent): EventRow {
  return {
    id: e.id,
    declaredId: e.declaredId ?? null,
    epcisType: e.epcisType,
    kind: e.kind,
    action: e.action ?? null,
    eventTime: utcInstant(e.eventTime),
    bizStep: e.bizStep ?? null,
    readPoint: e.readPoint ?? null,
    bizLocation: e.bizLocation ?? null,
    retracted: e.retracted,
    record: storedEventJson(e),
  };
}

function addLines(out: EventEdge[], role: EventEdge["role"], list: readonly QuantityLine[]): void {
  for (let position = 0; position < list.length; position++) {
    const q = list[position] as QuantityLine;
    out.push({
      role,
      position,
      lot: q.lot,
      quantity: q.quantity ?? null,
      uom: q.uom ?? null,
      kg: q.kg ?? null,
    });
  }
}

function addEpcs(out: EventEdge[], role: EventEdge["role"], list: readonly string[]): void {
  for (let position = 0; position < list.length; position++) {
    out.push({ role, position, lot: list[position] as string, quantity: null, uom: null, kg: null });
  }
}

/** Every lot class and instance identifier the event mentions, as edges of the lot graph. */
export function eventEdges(e: SupplyEvent): EventEdge[] {
  // One array filled in place: this runs once per event of every import.
  const out: EventEdge[] = [];
  addLines(out, "input", e.inputs);
  addLines(out, "output", e.outputs);
  addLines(out, "quantity", e.quantities);
  addEpcs(out, "epc", e.epcs);
  addEpcs(out, "input-epc", e.inputEpcs);
  addEpcs(out, "output-epc", e.outputEpcs);
  if (e.parentId !== undefined) addEpcs(out, "parent", [e.parentId]);
  return out;
}

/** The ids a retraction and an event are matched on: the hash id and the sender's eventID. */
export function matchKeys(e: SupplyEvent): string[] {
  return e.declaredId === undefined || e.declaredId === e.id ? [e.id] : [e.id, e.declaredId];
}

/** The stored event as an errorDeclaration leaves it: on record, flagged, with the declaration. */
export function retractedRecord(stored: SupplyEvent, by: SupplyEvent): SupplyEvent {
  const declaration = by.errorDeclaration ?? stored.errorDeclaration;
  return declaration === undefined
    ? { ...stored, retracted: true }
    : { ...stored, retracted: true, errorDeclaration: declaration };
}
