import type { QuantityLine, TypedRef } from "../../model/index.ts";
import { canonicalEpc, lotId, toKilograms } from "../../model/index.ts";
import { type CbvVocabulary, normaliseVocabulary } from "./cbv-vocabulary.ts";
import type { EventIssues } from "./event-context.ts";
import type { JsonValue } from "./json-hash-tree.ts";

/** Field readers for one EPCIS event object: each checks shape and reports what was expected. */
export type JsonObject = { readonly [k: string]: JsonValue };

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readString(
  obj: JsonObject,
  key: string,
  issues: EventIssues,
  path = key,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  issues.error("epcis.type", path, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return undefined;
}

/** A non-empty string's trimmed text, else undefined (then `readString` says what is wrong). */
export function goodString(v: JsonValue | undefined): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** An identifier as we keep it: canonical EPC URN when it is a GS1 key, else as given. */
export function canonicalIdentifier(raw: string): string {
  return canonicalEpc(raw) ?? raw.trim();
}

export function readEpcList(obj: JsonObject, key: string, issues: EventIssues): string[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    issues.error("epcis.type", key, `expected a list of EPC URIs, got ${JSON.stringify(v)}`);
    return [];
  }
  // Plain loops in these readers: flatMap's per-element arrays showed up in profiles.
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const epc: JsonValue = v[i];
    if (typeof epc === "string" && epc.trim()) out.push(canonicalIdentifier(epc));
    else issues.error("epcis.type", `${key}[${i}]`, `expected an EPC URI, got ${JSON.stringify(epc)}`);
  }
  return out;
}

const QUANTITY_KEYS = new Set(["epcClass", "quantity", "uom"]);

function readQuantity(el: JsonValue, path: string, issues: EventIssues): QuantityLine | undefined {
  if (!isObject(el)) {
    issues.error(
      "epcis.type",
      path,
      `expected a quantity element {epcClass, quantity, uom}, got ${JSON.stringify(el)}`,
    );
    return undefined;
  }
  for (const k in el) {
    if (Object.hasOwn(el, k) && !QUANTITY_KEYS.has(k))
      issues.error(
        "epcis.unknown-field",
        `${path}.${k}`,
        `unknown field "${k}" in a quantity element (allowed: epcClass, quantity, uom)`,
      );
  }
  const epcClass = goodString(el.epcClass) ?? readString(el, "epcClass", issues, `${path}.epcClass`);
  if (epcClass === undefined) {
    issues.error("epcis.required", `${path}.epcClass`, "a quantity element needs an epcClass");
    return undefined;
  }
  const q = el.quantity;
  if (q !== undefined && (typeof q !== "number" || !Number.isFinite(q))) {
    issues.error("epcis.type", `${path}.quantity`, `expected a number, got ${JSON.stringify(q)}`);
    return undefined;
  }
  const uom = goodString(el.uom) ?? readString(el, "uom", issues, `${path}.uom`);
  const kg = q !== undefined && uom !== undefined ? toKilograms(q, uom) : undefined;
  // Same keys in the same order as spreading the optional ones, without the throwaway objects.
  const line: { lot: QuantityLine["lot"]; quantity?: number; uom?: string; kg?: number } = {
    lot: lotId(canonicalIdentifier(epcClass)),
  };
  if (q !== undefined) line.quantity = q;
  if (uom !== undefined) line.uom = uom;
  if (kg !== undefined) line.kg = kg;
  return line;
}

export function readQuantityList(obj: JsonObject, key: string, issues: EventIssues): QuantityLine[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    issues.error("epcis.type", key, `expected a list of quantity elements, got ${JSON.stringify(v)}`);
    return [];
  }
  const out: QuantityLine[] = [];
  for (let i = 0; i < v.length; i++) {
    const line = readQuantity(v[i] as JsonValue, `${key}[${i}]`, issues);
    if (line !== undefined) out.push(line);
  }
  return out;
}

export function readVocabulary(
  obj: JsonObject,
  key: string,
  vocabulary: CbvVocabulary,
  issues: EventIssues,
  path = key,
): string | undefined {
  const raw = readString(obj, key, issues, path);
  return raw === undefined ? undefined : vocabularyValue(raw, vocabulary, issues, path);
}

function vocabularyValue(
  raw: string,
  vocabulary: CbvVocabulary,
  issues: EventIssues,
  path: string,
): string | undefined {
  const result = normaliseVocabulary(vocabulary, raw);
  if (!result.ok) {
    issues.error(
      "epcis.vocabulary",
      path,
      `"${raw}" is not a standard CBV ${vocabulary} value; use a CBV term or an absolute URI for a custom one`,
    );
  }
  return result.value;
}

export function readTypedRefs(
  obj: JsonObject,
  key: "bizTransactionList" | "sourceList" | "destinationList",
  issues: EventIssues,
): TypedRef[] {
  const v = obj[key];
  if (v === undefined) return [];
  const valueKey =
    key === "bizTransactionList" ? "bizTransaction" : key === "sourceList" ? "source" : "destination";
  const vocabulary = key === "bizTransactionList" ? "btt" : "sdt";
  if (!Array.isArray(v)) {
    issues.error("epcis.type", key, `expected a list of {type, ${valueKey}}, got ${JSON.stringify(v)}`);
    return [];
  }
  const out: TypedRef[] = [];
  for (let i = 0; i < v.length; i++) {
    const ref = readTypedRef(v[i] as JsonValue, key, valueKey, vocabulary, issues, i);
    if (ref !== undefined) out.push(ref);
  }
  return out;
}

function readTypedRef(
  el: JsonValue,
  key: "bizTransactionList" | "sourceList" | "destinationList",
  valueKey: string,
  vocabulary: CbvVocabulary,
  issues: EventIssues,
  i: number,
): TypedRef | undefined {
  // Paths are only for messages: built when one is reported.
  if (!isObject(el)) {
    issues.error("epcis.type", `${key}[${i}]`, `expected {type, ${valueKey}}, got ${JSON.stringify(el)}`);
    return undefined;
  }
  const id = goodString(el[valueKey]) ?? readString(el, valueKey, issues, `${key}[${i}].${valueKey}`);
  if (id === undefined) {
    issues.error("epcis.required", `${key}[${i}].${valueKey}`, `missing ${valueKey}`);
    return undefined;
  }
  const given = goodString(el.type);
  const type =
    (given !== undefined
      ? vocabularyValue(given, vocabulary, issues, `${key}[${i}].type`)
      : readVocabulary(el, "type", vocabulary, issues, `${key}[${i}].type`)) ?? "";
  if (!type && key !== "bizTransactionList")
    issues.error("epcis.required", `${key}[${i}].type`, "missing type");
  return { type, id: key === "bizTransactionList" ? id : canonicalIdentifier(id) };
}
