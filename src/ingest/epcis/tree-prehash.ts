import { type CbvVocabulary, expandVocabulary } from "./cbv-vocabulary.ts";
import type { UnhashedEvent } from "./event-hash.ts";
import { eventNamespaces, eventToEpcisJson } from "./event-to-json.ts";
import { type JsonValue, jsonEventToHashTree } from "./json-hash-tree.ts";
import { prehashOf } from "./prehash.ts";

/**
 * The pre-hash string computed the reference's way: our event → JSON-LD object → XML-shaped tree →
 * CBV 2.0 §8.9.2. Handles every event (user extensions, sensor data, …); `directPrehash` covers the
 * common shapes in one pass and must agree with this byte for byte (direct-prehash.test.ts).
 */
type JsonObject = { [k: string]: JsonValue };

function expandRefs(list: JsonValue | undefined, vocabulary: CbvVocabulary): JsonValue | undefined {
  if (!Array.isArray(list)) return list;
  return list.map((entry: JsonValue) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) return entry;
    const obj = entry as JsonObject;
    return typeof obj.type === "string" ? { ...obj, type: expandVocabulary(vocabulary, obj.type) } : obj;
  });
}

/** Bare CBV terms become web-vocabulary URIs, as JSON-LD expansion does in the reference. */
function expandTerms(json: JsonObject): JsonObject {
  const out: JsonObject = { ...json };
  if (typeof out.bizStep === "string") out.bizStep = expandVocabulary("bizstep", out.bizStep);
  if (typeof out.disposition === "string") out.disposition = expandVocabulary("disp", out.disposition);
  for (const [key, vocabulary] of [
    ["bizTransactionList", "btt"],
    ["sourceList", "sdt"],
    ["destinationList", "sdt"],
  ] as const) {
    const expanded = expandRefs(out[key], vocabulary);
    if (expanded !== undefined) out[key] = expanded;
  }
  const pd = out.persistentDisposition;
  if (pd && typeof pd === "object" && !Array.isArray(pd)) {
    const obj = pd as JsonObject;
    const expand = (v: JsonValue | undefined): JsonValue | undefined =>
      Array.isArray(v)
        ? v.map((x: JsonValue) => (typeof x === "string" ? expandVocabulary("disp", x) : x))
        : typeof v === "string"
          ? expandVocabulary("disp", v)
          : v;
    const next: JsonObject = { ...obj };
    for (const k of ["set", "unset"]) {
      const v = expand(obj[k]);
      if (v !== undefined) next[k] = v;
    }
    out.persistentDisposition = next;
  }
  return out;
}

/** The pre-hash string of any event, through the JSON-LD-shaped intermediate tree. */
export function treePrehash(event: UnhashedEvent): string {
  const json = expandTerms(eventToEpcisJson(event));
  return prehashOf(event.epcisType, jsonEventToHashTree(json, eventNamespaces(event)));
}
