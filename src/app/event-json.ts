import type { SupplyEvent } from "../model/index.ts";

/**
 * How an event travels from the parse worker and how its record is stored.
 *
 * The store keeps an event's identifying and indexed fields (id, declared id, type, kind, action,
 * time, business step, read point and location, retracted) in columns, so its JSON record leaves
 * them out — the lean record — and a read puts them back (src/store/shared/stored-records.ts). That
 * is ≈ 40 % fewer record bytes to write, index pages apart.
 *
 * The parse worker sends each event as one JSON object text (`eventText`): the column fields first,
 * then the lean record's members, then `retracted`, after a decimal prefix giving where the column
 * fields end. A string crosses threads as one copy, where a structured clone of the object graph
 * costs ≈ 2× a JSON round trip on both sides. The writer thread, the import's bottleneck, then does
 * one `JSON.parse` (`parseEventJson`) and cuts the lean record out of the text it came in, so the
 * store writes it without serialising anything again. An event built any other way (an in-thread
 * import, a retraction's copy) has no remembered text and is serialised once.
 */
const leanTexts = new WeakMap<SupplyEvent, string>();

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The event's members other than its column fields, in their order (a key loop: cheaper than a rest copy). */
function leanMembers(e: SupplyEvent, out: Record<string, unknown>): Record<string, unknown> {
  const event = e as unknown as Record<string, unknown>;
  for (const key of Object.keys(event)) {
    switch (key) {
      case "typeName":
      case "id":
      case "declaredId":
      case "epcisType":
      case "kind":
      case "action":
      case "eventTime":
      case "bizStep":
      case "readPoint":
      case "bizLocation":
      case "retracted":
        continue;
      default:
        out[key] = event[key];
    }
  }
  return out;
}

/**
 * The event without the fields its row holds as columns. `eventTime` stays when it is not already
 * the UTC instant the `event_time` column stores (a reader could not recover the sender's form).
 */
export function leanEvent(e: SupplyEvent): Record<string, unknown> {
  return leanMembers(e, CANONICAL_UTC.test(e.eventTime) ? {} : { eventTime: e.eventTime });
}

const RETRACTED_TAIL = ',"retracted":true}';
const KEPT_TAIL = ',"retracted":false}';

/**
 * What the parse worker sends for one event: `N:` then `{column fields, lean members, retracted}`,
 * where N is the length of the column part without its closing brace. Parsed, it is the event with
 * its keys in the order `parseEventJson` has always rebuilt them (columns, the rest, retracted).
 */
export function eventText(e: SupplyEvent): string {
  const { id, declaredId, epcisType, kind, action, eventTime, bizStep, readPoint, bizLocation } = e;
  const head: Record<string, unknown> = { typeName: "event", id };
  if (declaredId != null) head.declaredId = declaredId;
  head.epcisType = epcisType;
  head.kind = kind;
  if (action != null) head.action = action;
  head.eventTime = eventTime;
  if (bizStep != null) head.bizStep = bizStep;
  if (readPoint != null) head.readPoint = readPoint;
  if (bizLocation != null) head.bizLocation = bizLocation;
  const columns = JSON.stringify(head);
  const members = JSON.stringify(leanMembers(e, {}));
  const lean = members.length > 2 ? `,${members.slice(1, -1)}` : "";
  const tail = e.retracted === true ? RETRACTED_TAIL : KEPT_TAIL;
  return `${columns.length - 1}:${columns.slice(0, -1)}${lean}${tail}`;
}

/**
 * The event in `text` as `eventText` wrote it, remembered with its lean record text. Plain
 * `JSON.stringify(event)` text is accepted too (nothing to remember then).
 */
export function parseEventJson(text: string): SupplyEvent {
  if (text.charCodeAt(0) === 123 /* { */) return JSON.parse(text) as SupplyEvent;
  const colon = text.indexOf(":");
  const columnsEnd = Number(text.slice(0, colon));
  const json = text.slice(colon + 1);
  const event = JSON.parse(json) as SupplyEvent;
  const tail = event.retracted === true ? RETRACTED_TAIL : KEPT_TAIL;
  // The lean members, without the comma that joined them to the columns ("" when there are none).
  const members = json.slice(columnsEnd + 1, json.length - tail.length);
  const time = CANONICAL_UTC.test(event.eventTime)
    ? ""
    : `"eventTime":${JSON.stringify(event.eventTime)}${members === "" ? "" : ","}`;
  leanTexts.set(event, `{${time}${members}}`);
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
