import type { Issue, Provenance, SupplyEvent, TypedRef } from "../../model/index.ts";
import { issue } from "../../model/index.ts";
import { computeEventId, type UnhashedEvent } from "../epcis/index.ts";
import type { EventHeader, MovementRow, MovementType } from "./movement-row.ts";

const SDT_LOCATION = "urn:epcglobal:cbv:sdt:location";
const SDT_OWNING_PARTY = "urn:epcglobal:cbv:sdt:owning_party";

/** GS1 shape of each template event type (templates/README.md). */
const SHAPES: Readonly<
  Record<
    MovementType,
    Pick<UnhashedEvent, "epcisType" | "kind"> & { action?: "ADD" | "OBSERVE"; bizStep?: string }
  >
> = {
  origin: { epcisType: "ObjectEvent", kind: "origin", action: "ADD", bizStep: "commissioning" },
  transform: { epcisType: "TransformationEvent", kind: "transform" },
  ship: { epcisType: "ObjectEvent", kind: "ship", action: "OBSERVE", bizStep: "shipping" },
  receive: { epcisType: "ObjectEvent", kind: "receive", action: "OBSERVE", bizStep: "receiving" },
  observe: { epcisType: "ObjectEvent", kind: "observe", action: "OBSERVE" },
};

/**
 * The event the rows of one `event_ref` describe, with its canonical GS1 event hash id, or the
 * issue that stops it (a transform without inputs or outputs). `first` holds the event-level
 * columns, merged and checked across the rows.
 */
export function buildMovementEvent(
  rows: readonly MovementRow[],
  first: EventHeader,
  prov: Provenance,
): { event?: SupplyEvent; issues: Issue[] } {
  const shape = SHAPES[first.type];
  const issues: Issue[] = [];
  const inputs = rows.filter((r) => r.role === "input").map((r) => r.line);
  const outputs = rows.filter((r) => r.role === "output").map((r) => r.line);
  if (first.type === "transform" && (!inputs.length || !outputs.length)) {
    const message = `expected a transform event to have at least one input row and one output row, got ${inputs.length} input and ${outputs.length} output`;
    return { issues: [issue("template.transform-incomplete", prov, "role", message)] };
  }
  // ILMD exists only on ObjectEvent ADD and TransformationEvent in EPCIS; elsewhere it would be invented.
  const carriesIlmd = first.type === "origin" || first.type === "transform";
  if (first.countryOfOrigin && !carriesIlmd) {
    const message = `country_of_origin is a lot master-data claim and is kept only on origin and transform events; ignored on a ${first.type} event`;
    issues.push(issue("template.ignored-origin", prov, "country_of_origin", message, "warning"));
  }
  const unhashed: UnhashedEvent = {
    typeName: "event",
    ...shape,
    eventTime: first.time.time,
    eventTimeZoneOffset: first.time.offset,
    bizLocation: first.facility,
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: first.type === "transform" ? [] : rows.map((r) => r.line),
    inputs,
    outputs,
    bizTransactions: uniqueRefs(rows.flatMap((r) => r.documents)),
    sources: typedRefs([SDT_LOCATION, first.fromFacility], [SDT_OWNING_PARTY, first.fromParty]),
    destinations: typedRefs([SDT_LOCATION, first.toFacility], [SDT_OWNING_PARTY, first.toParty]),
    ilmd: carriesIlmd && first.countryOfOrigin ? { "cbvmda:countryOfOrigin": first.countryOfOrigin } : {},
    extra: {},
    retracted: false,
    provenance: prov,
  };
  return { event: { ...unhashed, id: computeEventId(unhashed) }, issues };
}

function typedRefs(...pairs: readonly [string, string | undefined][]): TypedRef[] {
  return pairs.flatMap(([type, id]) => (id === undefined ? [] : [{ type, id }]));
}

function uniqueRefs(refs: readonly TypedRef[]): TypedRef[] {
  const seen = new Map<string, TypedRef>();
  for (const ref of refs) seen.set(`${ref.type}\u0000${ref.id}`, ref);
  return [...seen.values()];
}
