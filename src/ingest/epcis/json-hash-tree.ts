import { jsonNumberText } from "./canonical-value.ts";
import { type HashItem, type HashNode, hashNode } from "./prehash.ts";

/**
 * An EPCIS JSON-LD event object → the XML-shaped tree the event hash is computed on, as the
 * reference's `json_to_py` + `deep_structure_correction` do: keys with a declared prefix become
 * `{namespace}local`, arrays repeat their key, `…List` arrays nest under the singular name, and
 * the JSON/XML naming mismatches (`inputEPC`, `childQuantity`, …) are corrected.
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

const COMMENTS = new Set(["#text", "rdfs:comment", "comment"]);
const PAIRED_LISTS = new Set(["sourceList", "destinationList", "bizTransactionList"]);

type Namespaces = Readonly<Record<string, string>>;

function expandKey(key: string, namespaces: Namespaces): string {
  const colon = key.indexOf(":");
  if (colon === -1) return key;
  const ns = namespaces[key.slice(0, colon)];
  return ns === undefined ? key : `{${ns}}${key.slice(colon + 1)}`;
}

/** Values were expanded at import (prefixed values differ between the JSON and XML references). */
function scalarText(value: JsonValue): string {
  if (typeof value === "string") return value;
  // The XML lexical form (the JSON reference prints Python's "True", so JSON and XML twins would differ).
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "None";
  if (typeof value === "number") return jsonNumberText(value);
  return "";
}

function objectChildren(obj: { readonly [k: string]: JsonValue }, namespaces: Namespaces): HashItem[] {
  const children: HashItem[] = [];
  for (const [key, val] of Object.entries(obj)) {
    if (COMMENTS.has(key) || key.startsWith("@")) continue;
    const child = jsonToNode(val, namespaces);
    const name = expandKey(key, namespaces);
    if (!Array.isArray(val)) children.push(hashNode(name, child.text, child.children));
    else
      for (const el of child.children)
        if (el.kind === "node") children.push(hashNode(name, el.text, el.children));
  }
  return children;
}

function jsonToNode(value: JsonValue, namespaces: Namespaces): HashNode {
  if (Array.isArray(value)) {
    return hashNode(
      "",
      "",
      value.map((v: JsonValue) => jsonToNode(v, namespaces)),
    );
  }
  if (value === null || typeof value !== "object") return hashNode("", scalarText(value));
  const obj = value as { readonly [k: string]: JsonValue };
  const text = typeof obj["#text"] === "string" ? obj["#text"] : "";
  return hashNode("", text, objectChildren(obj, namespaces));
}

function renameForXml(node: HashNode): HashNode {
  const { name, text, children } = node;
  if (name === "inputEPC" || name === "outputEPC") return hashNode("epc", text, children);
  const isQuantity =
    name === "inputQuantity" ||
    name === "outputQuantity" ||
    name === "childQuantity" ||
    (name === "quantity" && children.length > 0);
  return isQuantity ? hashNode("quantityElement", text, children) : node;
}

function pairOf(entry: HashNode): HashItem {
  const [first, second] = entry.children;
  if (first?.kind === "node" && second?.kind === "node") return { kind: "pair", items: [first, second] };
  return first ?? hashNode("", "");
}

function correctStructure(node: HashNode): HashNode {
  if (node.children.length === 0) return renameForXml(node);
  const rest: HashItem[] = [];
  const lists = new Map<string, HashNode[]>();
  const childEpcs: HashItem[] = [];
  for (const c of node.children) {
    // A user extension's `…List` nests only when it was a JSON array: an XML element (object) stays as is.
    if (c.kind === "node" && c.name.endsWith("List") && (!c.name.startsWith("{") || c.fromArray)) {
      const group = lists.get(c.name) ?? [];
      group.push(hashNode(c.name.slice(0, -4), c.text, c.children));
      lists.set(c.name, group);
    } else if (c.kind === "node" && c.name === "childEPCs") childEpcs.push(hashNode("epc", c.text));
    else rest.push(c);
  }
  const listNodes: HashItem[] = [...lists].map(([listName, items]) =>
    PAIRED_LISTS.has(listName) ? hashNode(listName, "", items.map(pairOf)) : hashNode(listName, "", items),
  );
  if (childEpcs.length > 0) listNodes.push(hashNode("childEPCs", "", childEpcs));
  const corrected = [...rest, ...listNodes].map((c) =>
    c.kind === "node" && !PAIRED_LISTS.has(c.name) ? correctStructure(c) : c,
  );
  return renameForXml(hashNode(node.name, node.text, corrected));
}

/** The hash tree of one JSON-LD event; `namespaces` maps the prefixes its keys and values use. */
export function jsonEventToHashTree(
  event: { readonly [k: string]: JsonValue },
  namespaces: Readonly<Record<string, string>>,
): HashItem[] {
  return correctStructure(jsonToNode(event, namespaces)).children;
}
