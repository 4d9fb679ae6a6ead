import type { EventId, SupplyEvent } from "../../model/index.ts";

/** An event as parsed, before its canonical id is known. */
export type UnhashedEvent = Omit<SupplyEvent, "id">;

/**
 * The canonical GS1 EPCIS 2.0 event hash ID (CBV 2.0 §8.9) of an event in our model, so that the
 * same event read from JSON-LD, XML or a CSV template gets the same id.
 * PLACEHOLDER until the EPCIS importer work lands: do not ship.
 */
export function computeEventId(_event: UnhashedEvent): EventId {
  throw new Error("computeEventId: not implemented yet");
}
