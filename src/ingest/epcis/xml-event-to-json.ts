import type { EventIssues } from "./event-context.ts";
import type { JsonValue } from "./json-hash-tree.ts";

/**
 * One EPCIS 2.0 XML event element (as a small tree) → the JSON-LD shape `eventFromJson` reads, so
 * both serialisations share one mapping and hash alike. Checks what only XML can get wrong: element
 * order and elements EPCIS does not define.
 */
export interface XmlNode {
  /** Namespace URI, "" for EPCIS's own (unqualified) elements. */
  readonly uri: string;
  readonly prefix: string;
  readonly local: string;
  readonly attributes: readonly {
    readonly uri: string;
    readonly prefix: string;
    readonly local: string;
    readonly value: string;
  }[];
  readonly children: XmlNode[];
  text: string;
  readonly line: number;
}

type JsonObject = { [k: string]: JsonValue };

/** Prefix → namespace for the compact keys produced; an unprefixed or clashing namespace gets a made-up prefix. */
export interface PrefixMap {
  readonly namespaces: Record<string, string>;
}

function keyOf(uri: string, prefix: string, local: string, map: PrefixMap): string {
  if (!uri) return local;
  const known = prefix ? undefined : Object.entries(map.namespaces).find(([, u]) => u === uri)?.[0];
  let p = known ?? (prefix || "ns");
  for (let n = 1; map.namespaces[p] !== undefined && map.namespaces[p] !== uri; n++)
    p = `${prefix || "ns"}${n}`;
  map.namespaces[p] = uri;
  return `${p}:${local}`;
}

const GS1_VALUE = /^(gs1|cbv):/;
function xmlValue(text: string): string {
  return text.replace(GS1_VALUE, (m) => (m === "gs1:" ? "https://gs1.org/voc/" : "https://ref.gs1.org/cbv/"));
}

function addValue(obj: JsonObject, key: string, value: JsonValue): void {
  const existing = obj[key];
  if (existing === undefined) obj[key] = value;
  else if (Array.isArray(existing)) obj[key] = [...existing, value];
  else obj[key] = [existing, value];
}

/** A user-extension element: text, or an object of its attributes and children. */
export function extensionValue(node: XmlNode, map: PrefixMap): JsonValue {
  if (node.children.length === 0 && node.attributes.length === 0) return xmlValue(node.text.trim());
  const obj: JsonObject = {};
  for (const a of node.attributes) addValue(obj, keyOf(a.uri, a.prefix, a.local, map), xmlValue(a.value));
  for (const c of node.children) addValue(obj, keyOf(c.uri, c.prefix, c.local, map), extensionValue(c, map));
  if (node.text.trim()) obj["#text"] = xmlValue(node.text.trim());
  return obj;
}

function attr(node: XmlNode, local: string): string | undefined {
  return node.attributes.find((a) => !a.uri && a.local === local)?.value;
}

function texts(node: XmlNode): string[] {
  return node.children.map((c) => c.text.trim());
}

const NUMERIC_SENSOR = new Set([
  "value",
  "minValue",
  "maxValue",
  "meanValue",
  "sDev",
  "percRank",
  "percValue",
]);

function sensorAttributes(node: XmlNode, map: PrefixMap): JsonObject {
  const obj: JsonObject = {};
  for (const a of node.attributes) {
    const key = keyOf(a.uri, a.prefix, a.local, map);
    const n = Number(a.value);
    if (!a.uri && NUMERIC_SENSOR.has(a.local) && a.value.trim() !== "" && Number.isFinite(n)) obj[key] = n;
    else if (!a.uri && a.local === "booleanValue")
      obj[key] = a.value.trim() === "true" || a.value.trim() === "1";
    else obj[key] = xmlValue(a.value);
  }
  for (const c of node.children) addValue(obj, keyOf(c.uri, c.prefix, c.local, map), extensionValue(c, map));
  return obj;
}

function sensorElement(node: XmlNode, map: PrefixMap): JsonObject {
  const obj: JsonObject = {};
  const reports: JsonValue[] = [];
  for (const c of node.children) {
    if (!c.uri && c.local === "sensorMetadata") obj.sensorMetadata = sensorAttributes(c, map);
    else if (!c.uri && c.local === "sensorReport") reports.push(sensorAttributes(c, map));
    else addValue(obj, keyOf(c.uri, c.prefix, c.local, map), extensionValue(c, map));
  }
  if (reports.length > 0) obj.sensorReport = reports;
  return obj;
}

function quantityElement(node: XmlNode, map: PrefixMap): JsonObject {
  const obj: JsonObject = {};
  for (const c of node.children) {
    const text = c.text.trim();
    const n = Number(text);
    // <quantity xsi:nil="true"/> is an absent quantity.
    if (c.local === "quantity" && !c.uri && text === "") continue;
    const value: JsonValue = c.local === "quantity" && !c.uri && Number.isFinite(n) ? n : text;
    obj[keyOf(c.uri, c.prefix, c.local, map)] = value;
  }
  return obj;
}

function typedList(node: XmlNode, valueKey: string): JsonObject[] {
  return node.children.map((c) => {
    const type = attr(c, "type");
    return type === undefined ? { [valueKey]: c.text.trim() } : { type, [valueKey]: c.text.trim() };
  });
}

function withExtensions(
  node: XmlNode,
  map: PrefixMap,
  standard: (c: XmlNode, obj: JsonObject) => boolean,
): JsonObject {
  const obj: JsonObject = {};
  for (const c of node.children) {
    if (!standard(c, obj)) addValue(obj, keyOf(c.uri, c.prefix, c.local, map), extensionValue(c, map));
  }
  return obj;
}

function errorDeclaration(node: XmlNode, map: PrefixMap): JsonObject {
  return withExtensions(node, map, (c, obj) => {
    if (c.uri) return false;
    if (c.local === "correctiveEventIDs") obj.correctiveEventIDs = texts(c);
    else obj[c.local] = c.text.trim();
    return true;
  });
}

type Converter = (node: XmlNode, map: PrefixMap) => JsonValue;

const list: Converter = (n) => texts(n);
const quantities: Converter = (n, m) => n.children.map((c) => quantityElement(c, m));
const location: Converter = (n, m) =>
  withExtensions(n, m, (c, obj) => {
    if (c.uri || c.local !== "id") return false;
    obj.id = c.text.trim();
    return true;
  });

const CONVERTERS: Readonly<Record<string, Converter>> = {
  epcList: list,
  childEPCs: list,
  inputEPCList: list,
  outputEPCList: list,
  quantityList: quantities,
  childQuantityList: quantities,
  inputQuantityList: quantities,
  outputQuantityList: quantities,
  readPoint: location,
  bizLocation: location,
  bizTransactionList: (n) => typedList(n, "bizTransaction"),
  sourceList: (n) => typedList(n, "source"),
  destinationList: (n) => typedList(n, "destination"),
  sensorElementList: (n, m) => n.children.map((c) => sensorElement(c, m)),
  persistentDisposition: (n) => {
    const obj: JsonObject = {};
    for (const c of n.children) addValue(obj, c.local, c.text.trim());
    for (const k of ["set", "unset"]) if (typeof obj[k] === "string") obj[k] = [obj[k] as string];
    return obj;
  },
  ilmd: (n, m) => {
    const obj: JsonObject = {};
    for (const c of n.children) addValue(obj, keyOf(c.uri, c.prefix, c.local, m), extensionValue(c, m));
    return obj;
  },
  errorDeclaration,
};

const SIMPLE = new Set(
  "eventTime recordTime eventTimeZoneOffset eventID action bizStep disposition parentID transformationID".split(
    " ",
  ),
);

/**
 * XSD sequence, coarsely: the time fields open every event, in this order, before anything else.
 * The finer per-type order is not enforced: documents in the wild (the event-hash reference's own
 * examples among them) put bizStep before epcList and the like, and nothing is ambiguous for that.
 */
const RANK: Readonly<Record<string, number>> = { eventTime: 0, recordTime: 1, eventTimeZoneOffset: 2 };
const LATER = 3;

/** `<extension>` / `<baseExtension>` wrappers (EPCIS 1.x layout) are looked through. */
export function flattenExtensions(children: readonly XmlNode[]): XmlNode[] {
  return children.flatMap((c) =>
    !c.uri && (c.local === "extension" || c.local === "baseExtension") ? flattenExtensions(c.children) : [c],
  );
}

function checkOrder(children: readonly XmlNode[], issues: EventIssues): void {
  let highest = -1;
  let highestName = "";
  for (const c of children) {
    if (c.uri) continue;
    const rank = RANK[c.local] ?? LATER;
    if (rank < highest) {
      issues.nonBlocking(
        "epcis.xml-order",
        c.local,
        `line ${c.line}: <${c.local}> must come before <${highestName}> (EPCIS 2.0 XSD element order); the event is kept`,
      );
    }
    if (rank > highest) {
      highest = rank;
      highestName = c.local;
    }
  }
}

/** The JSON-LD shape of an XML event element; order and unknown elements are reported on `issues`. */
export function xmlEventToJson(event: XmlNode, map: PrefixMap, issues: EventIssues): JsonObject {
  const obj: JsonObject = { type: event.local };
  const children = flattenExtensions(event.children);
  checkOrder(children, issues);
  for (const c of children) {
    const convert = c.uri ? undefined : CONVERTERS[c.local];
    if (convert) obj[c.local] = convert(c, map);
    else if (!c.uri && SIMPLE.has(c.local)) obj[c.local] = c.text.trim();
    else if (!c.uri && c.local === "certificationInfo") addValue(obj, c.local, c.text.trim());
    else if (c.uri) addValue(obj, keyOf(c.uri, c.prefix, c.local, map), extensionValue(c, map));
    else
      issues.error(
        "epcis.xml-unknown-element",
        c.local,
        `line ${c.line}: <${c.local}> is not an element of ${event.local} in EPCIS 2.0 (a user extension needs a namespace)`,
      );
  }
  return obj;
}
