import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { EventId, SupplyEvent } from "../../model/index.ts";
import { eventId } from "../../model/index.ts";
import { type CbvVocabulary, expandVocabulary } from "./cbv-vocabulary.ts";
import { eventNamespaces, eventToEpcisJson } from "./event-to-json.ts";
import { type JsonValue, jsonEventToHashTree } from "./json-hash-tree.ts";
import { prehashOf } from "./prehash.ts";

/** An event as parsed, before its canonical id is known. */
export type UnhashedEvent = Omit<SupplyEvent, "id">;

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

/** The canonical pre-hash string of an event (CBV 2.0 §8.9.2), exposed for tests and diagnostics. */
export function computeEventPrehash(event: UnhashedEvent): string {
  const json = expandTerms(eventToEpcisJson(event));
  return prehashOf(event.epcisType, jsonEventToHashTree(json, eventNamespaces(event)));
}

/**
 * The canonical GS1 EPCIS 2.0 event hash ID (CBV 2.0 §8.9) of an event in our model, so that the
 * same event read from JSON-LD, XML or a CSV template gets the same id. eventID, recordTime and
 * errorDeclaration do not take part, so a retraction carries the id of the event it retracts.
 */
export function computeEventId(event: UnhashedEvent): EventId {
  const digest = bytesToHex(sha256(utf8ToBytes(computeEventPrehash(event))));
  return eventId(`ni:///sha-256;${digest}?ver=CBV2.0`);
}
