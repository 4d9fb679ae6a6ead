import { writeEpcisJsonLd } from "../ingest/index.ts";
import type { Store } from "./store.ts";

/** The whole store as one EPCIS 2.0 JSON-LD document, streamed (retracted events keep their errorDeclaration). */
export function exportEpcis(store: Store): AsyncIterable<string> {
  return writeEpcisJsonLd({ locations: store.locations(), events: store.events({ includeRetracted: true }) });
}
