import type {
  EpcisAction,
  EpcisEventType,
  ErrorDeclaration,
  EventKind,
  LocationId,
} from "../../model/index.ts";
import { locationId } from "../../model/index.ts";
import { isCanonicalInstant, parseInstant } from "./canonical-value.ts";
import { normaliseVocabulary } from "./cbv-vocabulary.ts";
import { type EventContext, EventIssues } from "./event-context.ts";
import type { UnhashedEvent } from "./event-hash.ts";
import { CONTEXT_KEY } from "./event-to-json.ts";
import type { JsonValue } from "./json-hash-tree.ts";
import {
  canonicalIdentifier,
  goodString,
  isObject,
  type JsonObject,
  readEpcList,
  readQuantityList,
  readString,
  readTypedRefs,
  readVocabulary,
} from "./read-fields.ts";

/**
 * One EPCIS 2.0 event in JSON-LD shape (parsed JSON, or XML converted to that shape) → our event,
 * with GS1's names mapped at this boundary. An event with an error issue is not returned.
 */
const EVENT_TYPES: ReadonlySet<string> = new Set([
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
]);
const ACTIONS: ReadonlySet<string> = new Set(["ADD", "OBSERVE", "DELETE"]);
const MAPPED = new Set(
  "type eventID eventTime eventTimeZoneOffset recordTime action bizStep disposition readPoint bizLocation epcList childEPCs parentID inputEPCList outputEPCList quantityList childQuantityList inputQuantityList outputQuantityList transformationID bizTransactionList sourceList destinationList ilmd errorDeclaration".split(
    " ",
  ),
);
/** Standard fields we keep in `extra` as received. */
const KEPT = new Set([
  "certificationInfo",
  "sensorElementList",
  "persistentDisposition",
  "rdfs:comment",
  "comment",
]);
const OFFSET = /^[+-](?:[01]\d|2[0-3]):[0-5]\d$/;

export interface MappedEvent {
  readonly event?: UnhashedEvent;
  readonly issues: EventIssues;
}

function readTime(obj: JsonObject, key: string, issues: EventIssues, required: boolean): string | undefined {
  const raw = obj[key];
  if (raw === undefined) {
    if (required) issues.error("epcis.required", key, `missing ${key} (an ISO 8601 date-time with offset)`);
    return undefined;
  }
  // Most times are written in the canonical form already, which is then the answer as is.
  if (typeof raw === "string" && isCanonicalInstant(raw)) return raw;
  const ms = typeof raw === "string" ? parseInstant(raw) : undefined;
  if (ms === undefined) {
    issues.error(
      "epcis.time",
      key,
      `expected an ISO 8601 date-time such as 2020-03-04T11:00:30.000+01:00, got ${JSON.stringify(raw)}`,
    );
    return undefined;
  }
  // canonicalTimestamp(raw), without parsing it a second time.
  return new Date(ms).toISOString();
}

function readAction(obj: JsonObject, type: string, issues: EventIssues): EpcisAction | undefined {
  const raw = obj.action;
  if (type === "TransformationEvent") {
    if (raw !== undefined)
      issues.error("epcis.unknown-field", "action", "a TransformationEvent has no action");
    return undefined;
  }
  if (raw === undefined) {
    issues.error("epcis.required", "action", `missing action (ADD, OBSERVE or DELETE) on ${type}`);
    return undefined;
  }
  if (typeof raw !== "string" || !ACTIONS.has(raw)) {
    issues.error("epcis.action", "action", `expected ADD, OBSERVE or DELETE, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  return raw as EpcisAction;
}

function readLocation(
  obj: JsonObject,
  key: "readPoint" | "bizLocation",
  issues: EventIssues,
  extra: Record<string, JsonValue>,
): LocationId | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    issues.error("epcis.type", key, `expected {"id": "<location URI>"}, got ${JSON.stringify(v)}`);
    return undefined;
  }
  const id = goodString(v.id) ?? readString(v, "id", issues, `${key}.id`);
  if (id === undefined) {
    issues.error("epcis.required", `${key}.id`, `missing ${key}.id`);
    return undefined;
  }
  // The rest is copied only when there is one (almost never): no rest object per location.
  if (hasKeyBesides(v, "id")) {
    const { id: _id, ...rest } = v;
    extra[key] = rest;
  }
  return locationId(canonicalIdentifier(id));
}

function hasKeyBesides(obj: JsonObject, key: string): boolean {
  for (const k in obj) if (k !== key && Object.hasOwn(obj, k)) return true;
  return false;
}

function readErrorDeclaration(
  obj: JsonObject,
  issues: EventIssues,
  extra: Record<string, JsonValue>,
): ErrorDeclaration | undefined {
  const v = obj.errorDeclaration;
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    issues.error("epcis.type", "errorDeclaration", `expected an object, got ${JSON.stringify(v)}`);
    return undefined;
  }
  const declarationTime = readTime(v, "declarationTime", issues, true);
  const reason = readVocabulary(v, "reason", "er", issues, "errorDeclaration.reason");
  const ids = v.correctiveEventIDs;
  const correctiveEventIds = Array.isArray(ids)
    ? ids.filter((x: JsonValue): x is string => typeof x === "string")
    : [];
  const { declarationTime: _t, reason: _r, correctiveEventIDs: _c, ...rest } = v;
  if (Object.keys(rest).length > 0) extra.errorDeclaration = rest;
  if (declarationTime === undefined) return undefined;
  return { declarationTime, correctiveEventIds, ...(reason !== undefined ? { reason } : {}) };
}

export function eventKind(
  type: EpcisEventType,
  action: EpcisAction | undefined,
  bizStep: string | undefined,
  hasInputs: boolean,
): EventKind {
  if (type === "TransformationEvent") return hasInputs ? "transform" : "origin";
  if (type === "AggregationEvent" && action === "ADD") return "aggregate";
  if (type === "AggregationEvent" && action === "DELETE") return "disaggregate";
  if (type === "ObjectEvent" && action === "ADD") return "origin";
  if (type === "ObjectEvent" && action === "DELETE") return "destroy";
  if (bizStep === "shipping" || bizStep === "departing") return "ship";
  if (bizStep === "receiving" || bizStep === "arriving") return "receive";
  return "observe";
}

/** Prefixes the standard EPCIS 2.0 JSON-LD context defines, used when a document does not declare them. */
const STANDARD_PREFIXES: Readonly<Record<string, string>> = {
  cbvmda: "urn:epcglobal:cbv:mda:",
  gs1: "https://gs1.org/voc/",
  cbv: "https://ref.gs1.org/cbv/",
  epcis: "https://ref.gs1.org/epcis/",
};
/**
 * Value prefixes expanded in both serialisations: the XML reference expands only these, and doing
 * the same for JSON keeps XML/JSON twins equal (no reference example depends on more).
 */
const VALUE_PREFIXES: Readonly<Record<string, string>> = {
  gs1: "https://gs1.org/voc/",
  cbv: "https://ref.gs1.org/cbv/",
};

function expandValues(v: JsonValue, ns: Readonly<Record<string, string>>): JsonValue {
  if (typeof v === "string") {
    const colon = v.indexOf(":");
    const uri = colon > 0 ? ns[v.slice(0, colon)] : undefined;
    return uri === undefined ? v : uri + v.slice(colon + 1);
  }
  if (Array.isArray(v)) return v.map((x: JsonValue) => expandValues(x, ns));
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expandValues(x, ns)]));
}

/** Sensor report types and exceptions are GS1 vocabulary terms: "Temperature" means gs1:Temperature. */
function expandSensorTerms(list: JsonValue): JsonValue {
  if (!Array.isArray(list)) return list;
  const term = (x: JsonValue | undefined): JsonValue | undefined =>
    typeof x === "string" && !x.includes(":") ? `https://gs1.org/voc/${x}` : x;
  return list.map((el: JsonValue) => {
    if (!isObject(el) || !Array.isArray(el.sensorReport)) return el;
    const reports = el.sensorReport.map((r: JsonValue) => {
      if (!isObject(r)) return r;
      const out: Record<string, JsonValue> = { ...r };
      for (const k of ["type", "exception"]) {
        const t = term(r[k]);
        if (t !== undefined) out[k] = t;
      }
      return out;
    });
    return { ...el, sensorReport: reports };
  });
}

function collectPrefixes(v: JsonValue | undefined, into: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) collectPrefixes(x, into);
  else if (isObject(v)) {
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const colon = k.indexOf(":");
      if (colon > 0) into.add(k.slice(0, colon));
      collectPrefixes(v[k], into);
    }
  }
}

function declaredNamespaces(obj: JsonObject, ctx: EventContext): Record<string, string> {
  const out: Record<string, string> = { ...ctx.namespaces };
  const local = obj[CONTEXT_KEY];
  for (const c of Array.isArray(local) ? local : [local]) {
    if (isObject(c)) for (const [k, v] of Object.entries(c)) if (typeof v === "string") out[k] = v;
  }
  return out;
}

/** persistentDisposition set/unset hold dispositions: stored as CBV short names like `disposition`. */
function readPersistentDisposition(v: JsonValue, issues: EventIssues): JsonValue {
  if (!isObject(v)) {
    issues.error("epcis.type", "persistentDisposition", "expected {set: [...], unset: [...]}");
    return v;
  }
  const out: Record<string, JsonValue> = { ...v };
  for (const k of ["set", "unset"]) {
    const list = v[k];
    if (list === undefined) continue;
    const values = Array.isArray(list) ? list : [list];
    out[k] = values.map((x: JsonValue, i: number) => {
      if (typeof x !== "string") return x;
      const r = normaliseVocabulary("disp", x);
      if (!r.ok)
        issues.error(
          "epcis.vocabulary",
          `persistentDisposition.${k}[${i}]`,
          `"${x}" is not a CBV disposition or an absolute URI`,
        );
      return r.value;
    });
  }
  return out;
}

function readCertificationInfo(v: JsonValue, issues: EventIssues): boolean {
  const ok = typeof v === "string" || (Array.isArray(v) && v.every((x: JsonValue) => typeof x === "string"));
  if (!ok)
    issues.error(
      "epcis.type",
      "certificationInfo",
      `expected a certificate URI or a list of URIs, got ${JSON.stringify(v).slice(0, 120)}`,
    );
  return ok;
}

interface Extensions {
  readonly ilmd: Record<string, JsonValue>;
  readonly extra: Record<string, JsonValue>;
}

function readExtensions(
  obj: JsonObject,
  ctx: EventContext,
  issues: EventIssues,
  extra: Record<string, JsonValue>,
): Extensions {
  const valueNs = VALUE_PREFIXES;
  const ilmd: Record<string, JsonValue> = {};
  const ilmdRaw = obj.ilmd;
  if (ilmdRaw !== undefined && !isObject(ilmdRaw))
    issues.error("epcis.type", "ilmd", "expected an object of namespaced fields");
  const ilmdObj: JsonObject = isObject(ilmdRaw) ? ilmdRaw : {};
  // for…in over own keys: Object.entries' pair arrays showed up in profiles (same order).
  for (const k in ilmdObj) {
    if (!Object.hasOwn(ilmdObj, k)) continue;
    const v = ilmdObj[k] as JsonValue;
    if (k.includes(":")) ilmd[k] = expandValues(v, valueNs);
    else
      issues.error(
        "epcis.namespace",
        `ilmd.${k}`,
        `ilmd field "${k}" has no namespace: expected prefix:${k} with the prefix declared in @context`,
      );
  }
  for (const k in obj) {
    if (!Object.hasOwn(obj, k) || MAPPED.has(k) || k === CONTEXT_KEY) continue;
    const v = obj[k] as JsonValue;
    if (k === "certificationInfo" && !readCertificationInfo(v, issues)) continue;
    if (k === "sensorElementList") extra[k] = expandSensorTerms(expandValues(v, valueNs));
    else if (k === "persistentDisposition") extra[k] = readPersistentDisposition(v, issues);
    else if (KEPT.has(k) || k.includes(":")) extra[k] = expandValues(v, valueNs);
    else
      issues.error(
        "epcis.unknown-field",
        k,
        `unknown field "${k}": not an EPCIS 2.0 event field, and a user extension needs a namespace prefix`,
      );
  }
  const used = new Set<string>();
  collectPrefixes(ilmd, used);
  collectPrefixes(extra, used);
  if (used.size === 0) return { ilmd, extra };
  const context: Record<string, string> = {};
  // Most events use no prefix: the declared namespaces are gathered only when one is used.
  const ns = used.size > 0 ? declaredNamespaces(obj, ctx) : {};
  for (const p of [...used].sort()) {
    const uri = ns[p] ?? STANDARD_PREFIXES[p];
    if (uri !== undefined) context[p] = uri;
    else if (p !== "rdfs")
      issues.warning("epcis.namespace", p, `namespace prefix "${p}" is not declared in @context`);
  }
  if (Object.keys(context).length > 0) extra[CONTEXT_KEY] = context;
  return { ilmd, extra };
}

function readOffset(obj: JsonObject, issues: EventIssues): string | undefined {
  const v = obj.eventTimeZoneOffset;
  if (v === undefined)
    issues.error("epcis.required", "eventTimeZoneOffset", "missing eventTimeZoneOffset (e.g. +01:00)");
  else if (typeof v !== "string" || !OFFSET.test(v)) {
    issues.error("epcis.time", "eventTimeZoneOffset", `expected ±hh:mm, got ${JSON.stringify(v)}`);
  } else return v;
  return undefined;
}

/** A non-empty list under `k` (a top-level function: a closure per event costs tsx's `__name` call). */
function hasList(obj: JsonObject, k: string): boolean {
  const v = obj[k];
  return Array.isArray(v) && v.length > 0;
}

function checkIdentifiers(obj: JsonObject, type: string, issues: EventIssues): void {
  if (
    type === "ObjectEvent" &&
    !hasList(obj, "epcList") &&
    !hasList(obj, "quantityList") &&
    !hasList(obj, "sensorElementList")
  ) {
    issues.error(
      "epcis.required",
      "epcList",
      "an ObjectEvent needs an epcList or a quantityList naming what was observed",
    );
  }
  if (type === "TransactionEvent" && !hasList(obj, "bizTransactionList")) {
    issues.error("epcis.required", "bizTransactionList", "a TransactionEvent needs a bizTransactionList");
  }
}

function header(
  obj: JsonValue,
  ctx: EventContext,
  given: EventIssues | undefined,
): { issues: EventIssues; obj?: JsonObject; type?: EpcisEventType } {
  const declared = isObject(obj) && typeof obj.eventID === "string" ? obj.eventID : undefined;
  const issues = given ?? new EventIssues(ctx, declared);
  if (!isObject(obj)) {
    issues.error("epcis.type", "", `expected an event object, got ${JSON.stringify(obj)?.slice(0, 80)}`);
    return { issues };
  }
  const type = obj.type;
  if (typeof type !== "string" || !EVENT_TYPES.has(type)) {
    issues.error(
      "epcis.event-type",
      "type",
      `expected ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent, got ${JSON.stringify(type)}`,
    );
    return { issues };
  }
  return { issues, obj, type: type as EpcisEventType };
}

/** Maps one event object; `event` is undefined when an error was found. */
export function eventFromJson(raw: JsonValue, ctx: EventContext, given?: EventIssues): MappedEvent {
  const { issues, obj, type } = header(raw, ctx, given);
  if (!obj || !type) return { issues };
  const extra: Record<string, JsonValue> = {};
  const eventTime = readTime(obj, "eventTime", issues, true);
  const eventTimeZoneOffset = readOffset(obj, issues);
  const recordTime = readTime(obj, "recordTime", issues, false);
  const action = readAction(obj, type, issues);
  const bizStep = readVocabulary(obj, "bizStep", "bizstep", issues);
  const disposition = readVocabulary(obj, "disposition", "disp", issues);
  const readPoint = readLocation(obj, "readPoint", issues, extra);
  const bizLocation = readLocation(obj, "bizLocation", issues, extra);
  const errorDeclaration = readErrorDeclaration(obj, issues, extra);
  const aggregate = type === "AggregationEvent" || type === "AssociationEvent";
  const epcs = readEpcList(obj, aggregate ? "childEPCs" : "epcList", issues);
  const quantities = readQuantityList(obj, aggregate ? "childQuantityList" : "quantityList", issues);
  const inputEpcs = readEpcList(obj, "inputEPCList", issues);
  const inputs = readQuantityList(obj, "inputQuantityList", issues);
  const parentId = readString(obj, "parentID", issues);
  const transformationId = readString(obj, "transformationID", issues);
  const declaredId = readString(obj, "eventID", issues);
  checkIdentifiers(obj, type, issues);
  const { ilmd } = readExtensions(obj, ctx, issues, extra);
  if (issues.hasErrors || eventTime === undefined || eventTimeZoneOffset === undefined) return { issues };
  const event: UnhashedEvent = {
    typeName: "event",
    epcisType: type,
    kind: eventKind(type, action, bizStep, inputEpcs.length + inputs.length > 0),
    eventTime,
    eventTimeZoneOffset,
    epcs,
    inputEpcs,
    outputEpcs: readEpcList(obj, "outputEPCList", issues),
    quantities,
    inputs,
    outputs: readQuantityList(obj, "outputQuantityList", issues),
    bizTransactions: readTypedRefs(obj, "bizTransactionList", issues),
    sources: readTypedRefs(obj, "sourceList", issues),
    destinations: readTypedRefs(obj, "destinationList", issues),
    ilmd,
    extra,
    retracted: errorDeclaration !== undefined,
    provenance: { source: ctx.source, locator: "" },
    ...optional({
      declaredId,
      action,
      recordTime,
      bizStep,
      disposition,
      readPoint,
      bizLocation,
      errorDeclaration,
    }),
    ...optional({ parentId: parentId && canonicalIdentifier(parentId), transformationId }),
  };
  return issues.hasErrors ? { issues } : { event, issues };
}

/** Drops undefined members (exactOptionalPropertyTypes: absent, never `undefined`). */
function optional<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  // A plain loop (twice per event: entries/fromEntries showed up in profiles); same keys, same order.
  const out: Record<string, unknown> = {};
  for (const key in o) {
    const v = o[key];
    if (Object.hasOwn(o, key) && v !== undefined && v !== "") out[key] = v;
  }
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
