import type { Location, SupplyEvent } from "../../model/index.ts";
import { CONTEXT_KEY, eventNamespaces, eventToEpcisJson, externalId } from "./event-to-json.ts";
import type { JsonValue } from "./json-hash-tree.ts";

/**
 * Our records → one EPCIS 2.0 JSON-LD capture document, streamed: master data for the locations
 * in the header, then the events (retracted ones with their errorDeclaration). Each event carries
 * its own `@context` for the extension prefixes it uses, so nothing has to be known up front.
 */
export interface EpcisExportInput {
  readonly locations: AsyncIterable<Location>;
  readonly events: AsyncIterable<SupplyEvent>;
  /** Document creationDate; now when not given. */
  readonly creationDate?: string;
}

const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const MDA = "urn:epcglobal:cbv:mda#";

function attribute(
  id: string,
  value: string | number | undefined,
): { id: string; attribute: string | number }[] {
  return value === undefined || value === "" ? [] : [{ id, attribute: value }];
}

export function locationToVocabularyElement(l: Location): { [k: string]: JsonValue } {
  const lines = ["streetAddressOne", "streetAddressTwo", "streetAddressThree"];
  const attributes = [
    ...attribute(`${MDA}name`, l.name),
    ...l.address.lines.slice(0, 3).flatMap((line, i) => attribute(`${MDA}${lines[i]}`, line)),
    ...attribute(`${MDA}city`, l.address.city),
    ...attribute(`${MDA}state`, l.address.state),
    ...attribute(`${MDA}postalCode`, l.address.postalCode),
    ...attribute(`${MDA}countryCode`, l.address.country),
    ...attribute(`${MDA}latitude`, l.latitude),
    ...attribute(`${MDA}longitude`, l.longitude),
    ...Object.entries(l.attributes).flatMap(([id, v]) => attribute(id, v)),
  ];
  return { id: externalId(l.id, "loc"), attributes };
}

/** The event object as written: the compact JSON-LD event plus its own prefix context. */
export function eventToExportJson(e: SupplyEvent): { [k: string]: JsonValue } {
  const { id: _id, ...fields } = e;
  const json = eventToEpcisJson(fields);
  const ns = eventNamespaces(e);
  return Object.keys(ns).length > 0 ? { [CONTEXT_KEY]: ns, ...json } : json;
}

async function* write(input: EpcisExportInput): AsyncGenerator<string> {
  const head = {
    "@context": [EPCIS_CONTEXT],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: input.creationDate ?? new Date().toISOString(),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"epcisHeader":{"epcisMasterData":{"vocabularyList":[{"type":"urn:epcglobal:epcis:vtype:BusinessLocation","vocabularyElementList":[`;
  let first = true;
  for await (const l of input.locations) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(locationToVocabularyElement(l))}`;
    first = false;
  }
  yield `]}]}},"epcisBody":{"eventList":[`;
  first = true;
  for await (const e of input.events) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(eventToExportJson(e))}`;
    first = false;
  }
  yield "\n]}}\n";
}

/** Writes an EPCIS 2.0 JSON-LD capture document, piece by piece. */
export function writeEpcisJsonLd(input: EpcisExportInput): AsyncIterable<string> {
  return write(input);
}
