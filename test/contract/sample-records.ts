import type { ImportMeta, ImportSummary } from "../../src/app/index.ts";
import {
  type DocumentRef,
  documentRefId,
  type EventKind,
  eventId,
  type Link,
  type Location,
  type Lot,
  linkId,
  locationId,
  lotId,
  type Party,
  partyId,
  provenance,
  type RecordBatch,
  type SupplyEvent,
} from "../../src/model/index.ts";

/** Records built in code for the store contract: every optional field set somewhere. */
const SOURCE = "contract.json";

export function sampleParty(n: number, country = "CN"): Party {
  return {
    typeName: "party",
    id: partyId(`p${n}`),
    name: `新疆棉业有限公司 ${n}`,
    aliases: [`Xinjiang Cotton ${n}`, `XJC ${n}`],
    identifiers: [{ scheme: "uscc", value: `91650000MA7${String(n).padStart(7, "0")}` }],
    country,
    address: "Urumqi, Xinjiang",
    attributes: { sector: "ginning", note: 'quote " and \\ and \u0001' },
    provenance: provenance(SOURCE, `party ${n}`),
  };
}

export function sampleLocation(n: number, country?: string): Location {
  return {
    typeName: "location",
    id: locationId(`urn:epc:id:sgln:0614141.${String(n).padStart(5, "0")}.0`),
    name: `Gin ${n}`,
    address:
      country === undefined ? { lines: [`Road ${n}`] } : { lines: [`Road ${n}`], city: "Aksu", country },
    latitude: 41.1 + n / 1000,
    longitude: 80.2,
    facilityType: "gin",
    processingType: "ginning",
    sector: "apparel",
    operator: partyId(`p${n}`),
    identifiers: [{ scheme: "gln", value: `06141410${String(n).padStart(5, "0")}` }],
    attributes: { capacity: "12 t/day" },
    provenance: provenance(SOURCE, `location ${n}`),
  };
}

export function sampleLot(n: number): Lot {
  return {
    typeName: "lot",
    id: lotId(`urn:epc:class:lgtin:0614141.012345.L${n}`),
    product: "raw cotton lint",
    unit: "KGM",
    provenance: provenance(SOURCE, `lot ${n}`),
  };
}

export function sampleEvent(
  n: number,
  kind: EventKind = "transform",
  extra?: Partial<SupplyEvent>,
): SupplyEvent {
  const id = eventId(`ni:///sha-256;${String(n).padStart(64, "0")}?ver=CBV2.0`);
  return {
    typeName: "event",
    id,
    declaredId: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    epcisType: "TransformationEvent",
    kind,
    action: "ADD",
    eventTime: "2024-03-01T10:00:00.000+08:00",
    eventTimeZoneOffset: "+08:00",
    recordTime: "2024-03-02T00:00:00.000Z",
    bizStep: "commissioning",
    disposition: "active",
    readPoint: locationId("urn:epc:id:sgln:0614141.00001.0"),
    bizLocation: locationId("urn:epc:id:sgln:0614141.00001.0"),
    epcs: ["urn:epc:id:sgtin:0614141.012345.1", "urn:epc:id:sgtin:0614141.012345.2"],
    parentId: "urn:epc:id:sscc:0614141.1234567890",
    inputEpcs: ["urn:epc:id:sgtin:0614141.012345.3"],
    outputEpcs: [],
    quantities: [{ lot: lotId("lot:Q-1"), quantity: 3, uom: "H87" }],
    inputs: [{ lot: lotId(`urn:epc:class:lgtin:0614141.012345.L${n}`), quantity: 1.5, uom: "TNE", kg: 1500 }],
    outputs: [
      { lot: lotId(`lot:yarn-${n}`), quantity: 1400.25, uom: "KGM", kg: 1400.25 },
      { lot: lotId("lot:waste") },
    ],
    transformationId: `urn:uuid:t-${n}`,
    bizTransactions: [{ type: "po", id: `urn:epcglobal:cbv:bt:0614141000005:PO-${n}` }],
    sources: [{ type: "owning_party", id: "urn:epc:id:pgln:0614141.00000" }],
    destinations: [],
    ilmd: {
      "cbvmda:countryOfOrigin": "CN",
      "cbvmda:harvestStartDate": "2023-09-01",
      nested: { a: [1, null, "x"] },
    },
    extra: { "example:sensor": { value: -0.5, unicode: "维吾尔 ✓" } },
    retracted: false,
    provenance: provenance(SOURCE, `event ${n} (eventID ${id})`),
    ...extra,
  };
}

/** The same event as its sender's errorDeclaration restates it. */
export function retractionOf(e: SupplyEvent, extra?: Partial<SupplyEvent>): SupplyEvent {
  return {
    ...e,
    retracted: true,
    errorDeclaration: {
      declarationTime: "2024-04-01T00:00:00.000Z",
      reason: "incorrect_data",
      correctiveEventIds: ["urn:uuid:corrective-1"],
    },
    provenance: provenance("retractions.json", `retraction of ${e.id}`),
    ...extra,
  };
}

export function sampleLink(n: number): Link {
  return {
    typeName: "link",
    id: linkId(`own-${n}`),
    kind: "owns",
    from: partyId(`p${n}`),
    to: partyId(`p${n + 1}`),
    share: 0.51,
    startDate: "2019-01-01",
    provenance: provenance(SOURCE, `link ${n}`),
  };
}

export function sampleDocument(n: number): DocumentRef {
  return {
    typeName: "document-ref",
    id: documentRefId("po", `PO-${n}`),
    type: "po",
    ref: `PO-${n}`,
    event: sampleEvent(n).id,
    provenance: provenance(SOURCE, `document ${n}`),
  };
}

/**
 * A party whose name is nothing like any listed entity: screening never pairs it with a list entry,
 * so a review decision on it is on a pair the screening did not produce (`review confirm --party`).
 */
export const quietParty: Party = {
  typeName: "party",
  id: partyId("quiet"),
  name: "Quiet Harbour Knitting Co.",
  aliases: [],
  identifiers: [],
  attributes: {},
  provenance: { source: "pairs.json", locator: "party quiet" },
};

export function batchOf(records: Partial<RecordBatch>): RecordBatch {
  return { parties: [], locations: [], lots: [], events: [], links: [], documents: [], ...records };
}

/** Every record type, `n` of each (events cycle through kinds). */
export function fullBatch(n = 3): RecordBatch {
  const kinds: EventKind[] = ["origin", "transform", "ship", "receive", "observe"];
  const range = Array.from({ length: n }, (_, i) => i + 1);
  return batchOf({
    parties: range.map((i) => sampleParty(i)),
    locations: range.map((i) => sampleLocation(i, i % 2 === 0 ? "US" : "CN")),
    lots: range.map(sampleLot),
    events: range.map((i) => sampleEvent(i, kinds[i % kinds.length])),
    links: range.map(sampleLink),
    documents: range.map(sampleDocument),
  });
}

export function importMeta(source = "contract.json"): ImportMeta {
  return { source, format: "epcis-json", startedAt: "2024-05-01T00:00:00.000Z" };
}

export function importSummary(skippedIssues = 0): ImportSummary {
  return { sha256: "ab".repeat(32), skippedIssues };
}
