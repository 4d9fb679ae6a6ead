import type { SupplyEvent } from "../model/index.ts";

/**
 * How an event travels from the parse worker and how its record is stored.
 *
 * The store keeps an event's identifying and indexed fields (id, declared id, type, kind, action,
 * time, business step, read point and location, retracted) in columns, so its JSON record leaves
 * them out — the lean record — and a read puts them back (src/store/shared/stored-records.ts). That
 * is ≈ 40 % fewer record bytes to write, index pages apart.
 *
 * The parse worker sends each event as its lean JSON text and, after a newline (`JSON.stringify`
 * never writes a raw one), the column fields as a JSON array (`eventText`). A string crosses threads
 * as one copy, where a structured clone of the object graph costs ≈ 2× a JSON round trip on both
 * sides. This thread rebuilds the event (`parseEventJson`) and the store writes the lean text it
 * came with, serialising nothing again. An event built any other way (an in-thread import, a
 * retraction's copy) has no remembered text and is serialised once.
 */
const leanTexts = new WeakMap<SupplyEvent, string>();

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The column fields, in this order, as `eventText` sends them (absent ones as null). */
type ColumnFields = readonly [
  id: string,
  declaredId: string | null,
  epcisType: string,
  kind: string,
  action: string | null,
  eventTime: string,
  bizStep: string | null,
  readPoint: string | null,
  bizLocation: string | null,
  retracted: boolean,
];

/**
 * The event without the fields its row holds as columns. `eventTime` stays when it is not already
 * the UTC instant the `event_time` column stores (a reader could not recover the sender's form).
 */
export function leanEvent(e: SupplyEvent): Record<string, unknown> {
  const {
    typeName: _t,
    id: _i,
    declaredId: _d,
    epcisType: _y,
    kind: _k,
    action: _a,
    eventTime,
    bizStep: _b,
    readPoint: _r,
    bizLocation: _l,
    retracted: _x,
    ...rest
  } = e;
  return CANONICAL_UTC.test(eventTime) ? rest : { eventTime, ...rest };
}

/** What the parse worker sends for one event: lean JSON, a newline, the column fields. */
export function eventText(e: SupplyEvent): string {
  const columns: ColumnFields = [
    e.id,
    e.declaredId ?? null,
    e.epcisType,
    e.kind,
    e.action ?? null,
    e.eventTime,
    e.bizStep ?? null,
    e.readPoint ?? null,
    e.bizLocation ?? null,
    e.retracted,
  ];
  return `${JSON.stringify(leanEvent(e))}\n${JSON.stringify(columns)}`;
}

/** Puts the column fields back beside the lean record's own. */
function withColumns(lean: Record<string, unknown>, c: ColumnFields): SupplyEvent {
  const [id, declaredId, epcisType, kind, action, eventTime, bizStep, readPoint, bizLocation, retracted] = c;
  const event: Record<string, unknown> = { typeName: "event", id };
  if (declaredId !== null) event.declaredId = declaredId;
  event.epcisType = epcisType;
  event.kind = kind;
  if (action !== null) event.action = action;
  event.eventTime = eventTime;
  if (bizStep !== null) event.bizStep = bizStep;
  if (readPoint !== null) event.readPoint = readPoint;
  if (bizLocation !== null) event.bizLocation = bizLocation;
  Object.assign(event, lean);
  event.eventTime = eventTime;
  event.retracted = retracted;
  return event as unknown as SupplyEvent;
}

/**
 * The event in `text` as `eventText` wrote it, remembered with its lean record text. Plain
 * `JSON.stringify(event)` text is accepted too (nothing to remember then).
 */
export function parseEventJson(text: string): SupplyEvent {
  const cut = text.indexOf("\n");
  if (cut < 0) return JSON.parse(text) as SupplyEvent;
  const lean = text.slice(0, cut);
  const event = withColumns(
    JSON.parse(lean) as Record<string, unknown>,
    JSON.parse(text.slice(cut + 1)) as ColumnFields,
  );
  leanTexts.set(event, lean);
  return event;
}

/**
 * The stored JSON record of an event: the remembered lean text when the event came from
 * `parseEventJson` (events are never mutated after mapping: a change is a new object, with no
 * entry here), else the lean event serialised.
 */
export function storedEventJson(event: SupplyEvent): string {
  return leanTexts.get(event) ?? JSON.stringify(leanEvent(event));
}
