import type { QuantityLine, TypedRef } from "../../model/index.ts";
import {
  canonicalJsonNumber,
  canonicalTimestamp,
  canonicalValue,
  jsonNumberText,
} from "./canonical-value.ts";
import { type CbvVocabulary, expandVocabulary } from "./cbv-vocabulary.ts";
import type { UnhashedEvent } from "./event-hash.ts";
import { CONTEXT_KEY, externalId } from "./event-to-json.ts";

/**
 * The pre-hash string of CBV 2.0 §8.9.2 written straight from our event, in one pass: no JSON-LD
 * object, no XML-shaped tree. It covers the events the importers make in bulk (ILMD and user
 * extensions of plain namespaced scalar values; no sensor data, certificationInfo, extended
 * readPoint or other structured field kept in `extra`) and returns undefined for anything else,
 * which `treePrehash` then handles. It must agree with `treePrehash`
 * byte for byte (direct-prehash.test.ts): each step below names the tree step it stands for.
 */
type Namespaces = Readonly<Record<string, unknown>>;

/** `childToPrehash` of a leaf in the ordered part: `name=value`, or nothing for an empty value. */
function orderedLeaf(name: string, text: string | undefined, time = false): string {
  if (!text) return "";
  const trimmed = text.trim();
  const value = time ? canonicalTimestamp(trimmed) : canonicalValue(trimmed);
  return value ? `${name}=${value}` : "";
}

/**
 * Leaves of one field by the value stored in our model, for fields whose values repeat (vocabulary
 * terms, offsets, units, locations): one lookup in a small map instead of building the expanded
 * URI and looking it up in the large canonicalValue memo. Cleared when full, so memory stays flat.
 */
class LeafMemo {
  private readonly leaves = new Map<string, string>();
  constructor(
    private readonly make: (value: string) => string,
    private readonly limit = 2000,
  ) {}

  get(value: string): string {
    const known = this.leaves.get(value);
    if (known !== undefined) return known;
    const leaf = this.make(value);
    if (this.leaves.size >= this.limit) this.leaves.clear();
    this.leaves.set(value, leaf);
    return leaf;
  }
}

const OFFSET_LEAF = new LeafMemo((v) => orderedLeaf("eventTimeZoneOffset", v));
const ACTION_LEAF = new LeafMemo((v) => orderedLeaf("action", v));
const UOM_LEAF = new LeafMemo((v) => orderedLeaf("uom", v));
const BIZ_STEP_LEAF = new LeafMemo((v) => orderedLeaf("bizStep", expandVocabulary("bizstep", v)));
const DISPOSITION_LEAF = new LeafMemo((v) => orderedLeaf("disposition", expandVocabulary("disp", v)));
const READ_POINT_LEAF = new LeafMemo((v) => location("readPoint", v), 20_000);
const BIZ_LOCATION_LEAF = new LeafMemo((v) => location("bizLocation", v), 20_000);
const TYPE_LEAF: Readonly<Record<"btt" | "sdt", LeafMemo>> = {
  btt: new LeafMemo((v) => genericLeaf("type", expandVocabulary("btt", v))),
  sdt: new LeafMemo((v) => genericLeaf("type", expandVocabulary("sdt", v))),
};

/** `genericPrehash` of a leaf: `name=value`, or the bare name when the text is blank. */
function genericLeaf(name: string, text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${name}=${canonicalValue(trimmed)}` : name;
}

/** One `…List` of the ordered part: its non-empty entries sorted, behind the list's name. */
function orderedList(name: string, entries: string[]): string {
  if (entries.length === 1) return entries[0] ? name + entries[0] : "";
  const values = entries.filter((v) => v !== "");
  if (values.length > 1) values.sort();
  const joined = values.join("");
  return joined ? name + joined : "";
}

function epcList(name: string, epcs: readonly string[]): string {
  return epcs.length === 0
    ? ""
    : orderedList(
        name,
        epcs.map((epc) => orderedLeaf("epc", epc)),
      );
}

function quantityElement(q: QuantityLine): string {
  const fields =
    orderedLeaf("epcClass", externalId(q.lot, "lot")) +
    (q.quantity === undefined ? "" : quantityLeaf(q.quantity)) +
    (q.uom === undefined ? "" : UOM_LEAF.get(q.uom));
  return fields ? `quantityElement${fields}` : "";
}

/** `orderedLeaf("quantity", jsonNumberText(quantity))`: a number's text is never blank. */
function quantityLeaf(quantity: number): string {
  return `quantity=${canonicalJsonNumber(quantity)}`;
}

function quantityList(name: string, lines: readonly QuantityLine[]): string {
  return lines.length === 0 ? "" : orderedList(name, lines.map(quantityElement));
}

function location(name: string, id: string | undefined): string {
  if (id === undefined) return "";
  const inner = orderedLeaf("id", externalId(id, "loc"));
  return inner ? name + inner : "";
}

/** PROP_ORDER, for the fields our model has (the rest of PROP_ORDER lives in `extra`). */
function orderedPart(e: UnhashedEvent): string {
  const aggregate = e.epcisType === "AggregationEvent" || e.epcisType === "AssociationEvent";
  return (
    orderedLeaf("eventTime", e.eventTime, true) +
    OFFSET_LEAF.get(e.eventTimeZoneOffset) +
    orderedLeaf("parentID", e.parentId) +
    (aggregate ? "" : epcList("epcList", e.epcs)) +
    epcList("inputEPCList", e.inputEpcs) +
    (aggregate ? epcList("childEPCs", e.epcs) : "") +
    (aggregate ? "" : quantityList("quantityList", e.quantities)) +
    (aggregate ? quantityList("childQuantityList", e.quantities) : "") +
    quantityList("inputQuantityList", e.inputs) +
    epcList("outputEPCList", e.outputEpcs) +
    quantityList("outputQuantityList", e.outputs) +
    (e.action === undefined ? "" : ACTION_LEAF.get(e.action)) +
    orderedLeaf("transformationID", e.transformationId) +
    (e.bizStep === undefined ? "" : BIZ_STEP_LEAF.get(e.bizStep)) +
    (e.disposition === undefined ? "" : DISPOSITION_LEAF.get(e.disposition)) +
    (e.readPoint === undefined ? "" : READ_POINT_LEAF.get(e.readPoint)) +
    (e.bizLocation === undefined ? "" : BIZ_LOCATION_LEAF.get(e.bizLocation))
  );
}

/**
 * A bizTransactionList / sourceList / destinationList in the generic tail: each entry `type=…` then
 * the value (never sorted within), entries sorted unless one lacks a type (then the reference's
 * `shouldSort` sees a bare `bizTransaction` element and keeps the order).
 */
function refList(name: string, key: string, refs: readonly TypedRef[], vocabulary: "btt" | "sdt"): string {
  const values: string[] = [];
  let allTyped = true;
  const types = TYPE_LEAF[vocabulary];
  for (const r of refs) {
    if (r.type) values.push(types.get(r.type) + genericLeaf(key, r.id));
    else {
      allTyped = false;
      values.push(genericLeaf(key, r.id));
    }
  }
  if (values.length > 1 && allTyped) values.sort();
  return name + values.join("");
}

/** `expandKey`; undefined when the prefix would hit Object.prototype in the tree's lookup. */
function expandedName(key: string, namespaces: Namespaces): string | undefined {
  const prefix = key.slice(0, key.indexOf(":"));
  const uri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined;
  if (typeof uri === "string") return `{${uri}}${key.slice(prefix.length + 1)}`;
  return prefix in Object.prototype ? undefined : key;
}

/** A plain user field: namespaced, not a list, a comment or a JSON-LD keyword; a scalar value. */
function plainFieldText(key: string, value: unknown): string | undefined {
  if (!key.includes(":") || key.startsWith("@") || key === "rdfs:comment" || key.endsWith("List")) return;
  if (typeof value === "string") return value;
  if (typeof value === "number") return jsonNumberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

/**
 * The leaves of plain user fields (`ilmd`'s, or the event's own kept in `extra`), pushed onto
 * `into`; false when a field needs the tree. `skip` names a key that is no field (`@context`).
 */
function pushPlainFields(
  fields: Readonly<Record<string, unknown>>,
  namespaces: Namespaces,
  into: string[],
  skip?: string,
): boolean {
  for (const key in fields) {
    if (!Object.hasOwn(fields, key) || key === skip) continue;
    const text = plainFieldText(key, fields[key]);
    const name = text === undefined ? undefined : expandedName(key, namespaces);
    if (text === undefined || name === undefined) return false;
    into.push(genericLeaf(name, text));
  }
  return true;
}

/** The `ilmd` element of the generic tail; undefined when a field needs the tree. */
function ilmdPart(ilmd: Readonly<Record<string, unknown>>, namespaces: Namespaces): string | undefined {
  const values: string[] = [];
  if (!pushPlainFields(ilmd, namespaces, values)) return undefined;
  if (values.length > 1) values.sort();
  return `ilmd${values.join("")}`;
}

/** The prefixes `extra["@context"]` declares (eventNamespaces, without the copy). */
function namespacesOf(extra: Readonly<Record<string, unknown>>): Namespaces {
  const ctx = Object.hasOwn(extra, CONTEXT_KEY) ? extra[CONTEXT_KEY] : undefined;
  return ctx && typeof ctx === "object" && !Array.isArray(ctx) ? (ctx as Namespaces) : {};
}

/** The generic tail (`genericPrehash` of what PROP_ORDER left): lists, ILMD, user fields, sorted. */
function genericPart(e: UnhashedEvent, namespaces: Namespaces): string | undefined {
  const parts: string[] = [];
  if (e.bizTransactions.length > 0)
    parts.push(refList("bizTransactionList", "bizTransaction", e.bizTransactions, "btt"));
  if (e.sources.length > 0) parts.push(refList("sourceList", "source", e.sources, "sdt"));
  if (e.destinations.length > 0) parts.push(refList("destinationList", "destination", e.destinations, "sdt"));
  if (Object.keys(e.ilmd).length > 0) {
    const ilmd = ilmdPart(e.ilmd, namespaces);
    if (ilmd === undefined) return undefined;
    parts.push(ilmd);
  }
  if (!pushPlainFields(e.extra, namespaces, parts, CONTEXT_KEY)) return undefined;
  if (parts.length > 1) parts.sort();
  return parts.join("");
}

/** The pre-hash string of a plain event in one pass, or undefined when it needs `treePrehash`. */
export function directPrehash(e: UnhashedEvent): string | undefined {
  const tail = genericPart(e, namespacesOf(e.extra));
  if (tail === undefined) return undefined;
  return `eventType=${e.epcisType}${orderedPart(e)}${tail}`;
}
