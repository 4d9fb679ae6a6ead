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
  return v.flatMap((epc: JsonValue, i: number) => {
    if (typeof epc === "string" && epc.trim()) return [canonicalIdentifier(epc)];
    issues.error("epcis.type", `${key}[${i}]`, `expected an EPC URI, got ${JSON.stringify(epc)}`);
    return [];
  });
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
  for (const k of Object.keys(el)) {
    if (!QUANTITY_KEYS.has(k))
      issues.error(
        "epcis.unknown-field",
        `${path}.${k}`,
        `unknown field "${k}" in a quantity element (allowed: epcClass, quantity, uom)`,
      );
  }
  const epcClass = readString(el, "epcClass", issues, `${path}.epcClass`);
  if (epcClass === undefined) {
    issues.error("epcis.required", `${path}.epcClass`, "a quantity element needs an epcClass");
    return undefined;
  }
  const q = el.quantity;
  if (q !== undefined && (typeof q !== "number" || !Number.isFinite(q))) {
    issues.error("epcis.type", `${path}.quantity`, `expected a number, got ${JSON.stringify(q)}`);
    return undefined;
  }
  const uom = readString(el, "uom", issues, `${path}.uom`);
  const kg = q !== undefined && uom !== undefined ? toKilograms(q, uom) : undefined;
  return {
    lot: lotId(canonicalIdentifier(epcClass)),
    ...(q !== undefined ? { quantity: q } : {}),
    ...(uom !== undefined ? { uom } : {}),
    ...(kg !== undefined ? { kg } : {}),
  };
}

export function readQuantityList(obj: JsonObject, key: string, issues: EventIssues): QuantityLine[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    issues.error("epcis.type", key, `expected a list of quantity elements, got ${JSON.stringify(v)}`);
    return [];
  }
  return v.flatMap((el: JsonValue, i: number) => readQuantity(el, `${key}[${i}]`, issues) ?? []);
}

export function readVocabulary(
  obj: JsonObject,
  key: string,
  vocabulary: CbvVocabulary,
  issues: EventIssues,
  path = key,
): string | undefined {
  const raw = readString(obj, key, issues, path);
  if (raw === undefined) return undefined;
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
  return v.flatMap((el: JsonValue, i: number) => {
    const path = `${key}[${i}]`;
    if (!isObject(el)) {
      issues.error("epcis.type", path, `expected {type, ${valueKey}}, got ${JSON.stringify(el)}`);
      return [];
    }
    const id = readString(el, valueKey, issues, `${path}.${valueKey}`);
    if (id === undefined) {
      issues.error("epcis.required", `${path}.${valueKey}`, `missing ${valueKey}`);
      return [];
    }
    const type = readVocabulary(el, "type", vocabulary, issues, `${path}.type`) ?? "";
    if (!type && key !== "bizTransactionList") issues.error("epcis.required", `${path}.type`, "missing type");
    return [{ type, id: key === "bizTransactionList" ? id : canonicalIdentifier(id) }];
  });
}
