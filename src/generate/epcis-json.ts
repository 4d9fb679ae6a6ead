import type { ChainEvent, DocumentNumbers, LotLine } from "./chain-event.ts";
import type { Facility } from "./facility.ts";
import { bizTransactionUrn } from "./gs1-keys.ts";

export const GS1_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
export const EXAMPLE_NAMESPACE = "https://ns.threadproof.example/epcis/";
const MDA = "urn:epcglobal:cbv:mda#";

type Json = Record<string, unknown>;

function quantities(lines: readonly LotLine[]): Json[] {
  return lines.map((line) => ({ epcClass: line.lot, quantity: line.kg, uom: "KGM" }));
}

function bizTransactions(issuer: Facility, docs: DocumentNumbers): Json[] {
  const out: Json[] = [];
  for (const type of ["po", "inv", "bol", "prodorder"] as const) {
    const number = docs[type];
    if (number) out.push({ type, bizTransaction: bizTransactionUrn(issuer.party.gln, number) });
  }
  return out;
}

function where(facility: Facility): Json {
  return { readPoint: { id: facility.sgln }, bizLocation: { id: facility.sgln } };
}

function head(event: ChainEvent, type: string): Json {
  return {
    type,
    eventID: event.id,
    eventTime: new Date(event.time).toISOString(),
    eventTimeZoneOffset: event.facility.place.timeZoneOffset,
  };
}

function parties(kind: "source" | "destination", facility: Facility): Json[] {
  return [
    { type: "owning_party", [kind]: facility.party.id },
    { type: "location", [kind]: facility.sgln },
  ];
}

function eventBody(event: ChainEvent): Json {
  switch (event.kind) {
    case "origin":
      return {
        ...head(event, "ObjectEvent"),
        action: "ADD",
        bizStep: "commissioning",
        disposition: "active",
        ...where(event.facility),
        quantityList: quantities([event.output]),
        ilmd: { "cbvmda:countryOfOrigin": event.claim },
      };
    case "ship":
    case "receive":
      return movementBody(event);
    case "transform":
      return {
        ...head(event, "TransformationEvent"),
        bizStep: event.bizStep,
        ...where(event.facility),
        inputQuantityList: quantities(event.inputs),
        outputQuantityList: quantities(event.outputs),
        bizTransactionList: bizTransactions(event.facility, event.docs),
        ...(event.claim ? { ilmd: { "cbvmda:countryOfOrigin": event.claim } } : {}),
        ...(event.pieces ? { "example:pieceCount": event.pieces } : {}),
      };
  }
}

function movementBody(event: ChainEvent & { kind: "ship" | "receive" }): Json {
  const shipping = event.kind === "ship";
  const from = shipping ? event.facility : event.from;
  const to = shipping ? event.to : event.facility;
  return {
    ...head(event, "ObjectEvent"),
    action: "OBSERVE",
    bizStep: shipping ? "shipping" : "receiving",
    disposition: shipping ? "in_transit" : "in_progress",
    ...where(event.facility),
    quantityList: quantities(event.lines),
    bizTransactionList: bizTransactions(from, event.docs),
    sourceList: parties("source", from),
    destinationList: parties("destination", to),
  };
}

/** One event as compact JSON-LD; a retraction copy carries its errorDeclaration. */
export function epcisEventJson(event: ChainEvent): string {
  const body = eventBody(event);
  const declaration = event.errorDeclaration;
  if (!declaration) return JSON.stringify(body);
  return JSON.stringify({
    ...body,
    errorDeclaration: {
      declarationTime: new Date(declaration.declarationTime).toISOString(),
      reason: declaration.reason,
      correctiveEventIDs: declaration.correctiveEventIds,
    },
  });
}

function attribute(name: string, value: string): Json {
  return { id: `${MDA}${name}`, attribute: value };
}

/** A BusinessLocation vocabulary element with the CBV master-data attributes of a facility. */
export function businessLocationJson(facility: Facility): string {
  return JSON.stringify({
    id: facility.sgln,
    attributes: [
      attribute("name", facility.name),
      attribute("streetAddressOne", facility.address),
      attribute("city", facility.city),
      attribute("state", facility.state),
      attribute("postalCode", facility.postalCode),
      attribute("countryCode", facility.place.country),
      attribute("latitude", String(facility.latitude)),
      attribute("longitude", String(facility.longitude)),
    ],
  });
}

/** The document up to the event list's opening bracket, in chunks of at most `perChunk` locations. */
export function* epcisDocumentHead(
  creationDate: string,
  facilities: readonly Facility[],
  perChunk = 200,
): Generator<string> {
  const context = JSON.stringify([GS1_CONTEXT, { cbvmda: MDA, example: EXAMPLE_NAMESPACE }]);
  yield `{"@context":${context},"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"${creationDate}",\n"epcisHeader":{"epcisMasterData":{"vocabularyList":[{"type":"urn:epcglobal:epcis:vtype:BusinessLocation","vocabularyElementList":[\n`;
  for (let i = 0; i < facilities.length; i += perChunk) {
    const slice = facilities.slice(i, i + perChunk).map(businessLocationJson);
    yield slice.join(",\n") + (i + perChunk < facilities.length ? ",\n" : "\n");
  }
  yield `]}]}},\n"epcisBody":{"eventList":[\n`;
}

export const EPCIS_DOCUMENT_TAIL = "\n]}}\n";
