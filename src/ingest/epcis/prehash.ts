import { canonicalTimestamp, canonicalValue } from "./canonical-value.ts";

/**
 * The pre-hash string of CBV 2.0 §8.9, computed on the XML-shaped tree the reference
 * implementation builds (element name, text, children; attributes are children). A type/value pair
 * models one entry of bizTransactionList / sourceList / destinationList. The algorithm is ported
 * step by step, mutation of the tree included, since its quirks decide the bytes that get hashed.
 */
export interface HashNode {
  readonly kind: "node";
  readonly name: string;
  readonly text: string;
  readonly children: HashItem[];
  /** Set for the elements of a JSON array (the reference nests `…List` arrays one level deeper). */
  readonly fromArray?: boolean;
}

export interface HashPair {
  readonly kind: "pair";
  readonly items: readonly HashNode[];
}

export type HashItem = HashNode | HashPair;

export function hashNode(name: string, text: string, children: HashItem[] = []): HashNode {
  return { kind: "node", name, text, children };
}

type PropOrder = readonly (readonly [string, PropOrder | null])[];

/** Never equals an element name: the reference's (('type', None), (…)) entries match nothing. */
const PAIR_ORDER: PropOrder = [["\u0000pair", null]];
const QUANTITY: PropOrder = [
  [
    "quantityElement",
    [
      ["epcClass", null],
      ["quantity", null],
      ["uom", null],
    ],
  ],
];
const EPC: PropOrder = [["epc", null]];
const SENSOR_METADATA: PropOrder = [
  "time",
  "startTime",
  "endTime",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "bizRules",
].map((n) => [n, null] as const);
const SENSOR_REPORT: PropOrder = [
  "type",
  "exception",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "time",
  "microorganism",
  "chemicalSubstance",
  "value",
  "component",
  "stringValue",
  "booleanValue",
  "hexBinaryValue",
  "uriValue",
  "minValue",
  "maxValue",
  "meanValue",
  "sDev",
  "percRank",
  "percValue",
  "uom",
  "coordinateReferenceSystem",
].map((n) => [n, null] as const);

const PROP_ORDER: PropOrder = [
  ["eventTime", null],
  ["eventTimeZoneOffset", null],
  ["certificationInfo", null],
  ["parentID", null],
  ["epcList", EPC],
  ["inputEPCList", EPC],
  ["childEPCs", EPC],
  ["quantityList", QUANTITY],
  ["childQuantityList", QUANTITY],
  ["inputQuantityList", QUANTITY],
  ["outputEPCList", EPC],
  ["outputQuantityList", QUANTITY],
  ["action", null],
  ["transformationID", null],
  ["bizStep", null],
  ["disposition", null],
  [
    "persistentDisposition",
    [
      ["set", null],
      ["unset", null],
    ],
  ],
  ["readPoint", [["id", null]]],
  ["bizLocation", [["id", null]]],
  ["bizTransactionList", PAIR_ORDER],
  ["sourceList", PAIR_ORDER],
  ["destinationList", PAIR_ORDER],
  [
    "sensorElementList",
    [
      [
        "sensorElement",
        [
          ["sensorMetadata", SENSOR_METADATA],
          ["sensorReport", SENSOR_REPORT],
        ],
      ],
    ],
  ],
];

const IGNORED = new Set(["recordTime", "eventID", "type", "errorDeclaration"]);

function isTimeName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes("time") && !lower.includes("offset");
}

function childToPrehash(child: HashNode, subOrder: PropOrder | null): string {
  const grand = subOrder && subOrder.length > 0 ? recurseInOrder(child.children, subOrder) : "";
  let text = "";
  if (child.text) {
    text = child.text.trim();
    text = isTimeName(child.name) ? canonicalTimestamp(text) : canonicalValue(text);
    if (text) text = `=${text}`;
  }
  return text || grand ? child.name + text + grand : "";
}

function removeItem(list: HashItem[], item: HashItem): void {
  const at = list.indexOf(item);
  if (at !== -1) list.splice(at, 1);
}

/** Python's `'x' in child[0]`: a substring test on a name, a membership test on a pair's first node. */
function headContains(item: HashItem, word: string): boolean {
  if (item.kind === "node") return item.name.includes(word);
  const first = item.items[0];
  return first !== undefined && (first.name === word || first.text === word);
}

function gatherUserExtensions(list: HashItem[]): HashItem[] {
  if (list.length <= 1) return [];
  if (list.some((c) => headContains(c, "eventTime") || headContains(c, "action"))) return [];
  const ext = list.filter((x) => x.kind === "node" && x.name.includes("{") && x.name.includes("/}"));
  for (const e of ext) removeItem(list, e);
  return ext;
}

function recurseInOrder(list: HashItem[], order: PropOrder): string {
  let preHash = "";
  const userExtensions = gatherUserExtensions(list);
  for (const [name, subOrder] of order) {
    const children = list.filter((x): x is HashNode => x.kind === "node" && x.name === name);
    const values: string[] = [];
    for (const child of children) {
      const s = childToPrehash(child, subOrder);
      if (s) values.push(s);
      if (child.children.length === 0) removeItem(list, child);
    }
    values.sort();
    if (values.join("")) {
      if (preHash) values.unshift(preHash);
      preHash = values.join("");
    }
  }
  if (userExtensions.length > 0) preHash += genericPrehash(userExtensions);
  return preHash;
}

function shouldSort(children: readonly HashItem[]): boolean {
  return !children.some(
    (c) =>
      c.kind === "node" && (c.name === "bizTransaction" || c.name === "source" || c.name === "destination"),
  );
}

function genericPrehash(children: readonly HashItem[]): string {
  const values = children.map((child) => {
    if (child.kind === "pair") return genericPrehash(child.items);
    const trimmed = child.text.trim();
    const text = trimmed ? `=${canonicalValue(trimmed)}` : "";
    return child.name + text + genericPrehash(child.children);
  });
  if (values.length > 1 && shouldSort(children)) values.sort();
  return values.join("");
}

/** The pre-hash string of one event given as its XML-shaped tree (consumed in the process). */
export function prehashOf(eventType: string, children: HashItem[]): string {
  const ordered = recurseInOrder(children, PROP_ORDER);
  const rest = children.filter((c) => c.kind === "pair" || !IGNORED.has(c.name));
  return `eventType=${eventType}${ordered}${rest.length > 0 ? genericPrehash(rest) : ""}`;
}
