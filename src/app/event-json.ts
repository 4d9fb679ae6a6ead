import type { SupplyEvent } from "../model/index.ts";

/**
 * The JSON text an event object was parsed from, while that object lives. The parse worker sends
 * each event as its JSON text (a string crosses threads as one copy; a structured clone of the
 * object graph costs ≈ 2× a JSON round trip on both sides), this thread parses it, and the store
 * writes the same text as the event's record instead of serialising the object again. An object
 * built any other way (a retraction's copy, an in-thread import) has no entry and is serialised.
 */
const texts = new WeakMap<SupplyEvent, string>();

/** The event in `text` (as `JSON.stringify(event)` wrote it), remembered with its text. */
export function parseEventJson(text: string): SupplyEvent {
  const event = JSON.parse(text) as SupplyEvent;
  texts.set(event, text);
  return event;
}

/**
 * `JSON.stringify(event)`: the remembered text when the event came from `parseEventJson` (events
 * are never mutated after mapping: a change is a new object, with no entry here).
 */
export function eventJson(event: SupplyEvent): string {
  return texts.get(event) ?? JSON.stringify(event);
}
