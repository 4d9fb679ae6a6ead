import type { QuantityLine, SupplyEvent, TypedRef } from "../../model/index.ts";
import type { JsonValue } from "./json-hash-tree.ts";

/**
 * Our event → the EPCIS 2.0 JSON-LD event object (GS1's names), used by both the exporter and the
 * event hash. `extra` holds what the model has no field for, in JSON-LD shape with compact keys;
 * `extra["@context"]` maps the prefixes of those keys to their namespace URIs.
 */
type JsonObject = { [k: string]: JsonValue };
type EventFields = Omit<SupplyEvent, "id">;

export const CONTEXT_KEY = "@context";

/** Lot and location ids are EPC URNs or our prefixed internal ids; GS1 gets the raw value back. */
export function externalId(id: string, prefix: "lot" | "loc"): string {
  // A constant prefix (no template string per call: this runs for every lot and location hashed).
  return id.startsWith(prefix === "lot" ? "lot:" : "loc:") ? id.slice(4) : id;
}

function quantityJson(q: QuantityLine): JsonObject {
  const out: JsonObject = { epcClass: externalId(q.lot, "lot") };
  if (q.quantity !== undefined) out.quantity = q.quantity;
  if (q.uom !== undefined) out.uom = q.uom;
  return out;
}

function refsJson(refs: readonly TypedRef[], key: string): JsonObject[] {
  return refs.map((r) => (r.type ? { type: r.type, [key]: r.id } : { [key]: r.id }));
}

function locationJson(id: string | undefined, ext: JsonValue | undefined): JsonObject | undefined {
  if (id === undefined) return undefined;
  const more = ext && typeof ext === "object" && !Array.isArray(ext) ? (ext as JsonObject) : {};
  return { id: externalId(id, "loc"), ...more };
}

function epcFields(e: EventFields): JsonObject {
  const out: JsonObject = {};
  const aggregate = e.epcisType === "AggregationEvent" || e.epcisType === "AssociationEvent";
  if (e.parentId !== undefined) out.parentID = e.parentId;
  if (e.epcs.length > 0) out[aggregate ? "childEPCs" : "epcList"] = [...e.epcs];
  if (e.inputEpcs.length > 0) out.inputEPCList = [...e.inputEpcs];
  if (e.inputs.length > 0) out.inputQuantityList = e.inputs.map(quantityJson);
  if (e.outputEpcs.length > 0) out.outputEPCList = [...e.outputEpcs];
  if (e.outputs.length > 0) out.outputQuantityList = e.outputs.map(quantityJson);
  if (e.quantities.length > 0)
    out[aggregate ? "childQuantityList" : "quantityList"] = e.quantities.map(quantityJson);
  return out;
}

function whyFields(e: EventFields): JsonObject {
  const out: JsonObject = {};
  if (e.action !== undefined) out.action = e.action;
  if (e.transformationId !== undefined) out.transformationID = e.transformationId;
  if (e.bizStep !== undefined) out.bizStep = e.bizStep;
  if (e.disposition !== undefined) out.disposition = e.disposition;
  const readPoint = locationJson(e.readPoint, e.extra.readPoint as JsonValue | undefined);
  if (readPoint) out.readPoint = readPoint;
  const bizLocation = locationJson(e.bizLocation, e.extra.bizLocation as JsonValue | undefined);
  if (bizLocation) out.bizLocation = bizLocation;
  if (e.bizTransactions.length > 0) out.bizTransactionList = refsJson(e.bizTransactions, "bizTransaction");
  if (e.sources.length > 0) out.sourceList = refsJson(e.sources, "source");
  if (e.destinations.length > 0) out.destinationList = refsJson(e.destinations, "destination");
  if (Object.keys(e.ilmd).length > 0) out.ilmd = e.ilmd as JsonObject;
  return out;
}

function errorDeclarationJson(e: EventFields): JsonObject | undefined {
  const d = e.errorDeclaration;
  if (!d) return undefined;
  const out: JsonObject = { declarationTime: d.declarationTime };
  if (d.reason !== undefined) out.reason = d.reason;
  if (d.correctiveEventIds.length > 0) out.correctiveEventIDs = [...d.correctiveEventIds];
  const more = e.extra.errorDeclaration;
  return more && typeof more === "object" ? { ...out, ...(more as JsonObject) } : out;
}

const MODELLED_IN_EXTRA = new Set([CONTEXT_KEY, "readPoint", "bizLocation", "errorDeclaration"]);

/** The EPCIS JSON-LD object of one event (compact keys; `@context` left to the document). */
export function eventToEpcisJson(e: EventFields): JsonObject {
  const out: JsonObject = { type: e.epcisType };
  if (e.declaredId !== undefined) out.eventID = e.declaredId;
  out.eventTime = e.eventTime;
  if (e.recordTime !== undefined) out.recordTime = e.recordTime;
  out.eventTimeZoneOffset = e.eventTimeZoneOffset;
  const errorDeclaration = errorDeclarationJson(e);
  if (errorDeclaration) out.errorDeclaration = errorDeclaration;
  Object.assign(out, epcFields(e), whyFields(e));
  for (const [k, v] of Object.entries(e.extra)) {
    if (!MODELLED_IN_EXTRA.has(k)) out[k] = v as JsonValue;
  }
  return out;
}

/** Prefix → namespace URI declared for the compact keys in `extra` and `ilmd`. */
export function eventNamespaces(e: Pick<SupplyEvent, "extra">): Readonly<Record<string, string>> {
  const ctx = e.extra[CONTEXT_KEY];
  if (!ctx || typeof ctx !== "object" || Array.isArray(ctx)) return {};
  return Object.fromEntries(
    Object.entries(ctx).filter((kv): kv is [string, string] => typeof kv[1] === "string"),
  );
}
