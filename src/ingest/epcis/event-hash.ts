import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { EventId, SupplyEvent } from "../../model/index.ts";
import { eventId } from "../../model/index.ts";
import { directPrehash } from "./direct-prehash.ts";
import { treePrehash } from "./tree-prehash.ts";

/** An event as parsed, before its canonical id is known. */
export type UnhashedEvent = Omit<SupplyEvent, "id">;

/** The canonical pre-hash string of an event (CBV 2.0 §8.9.2), exposed for tests and diagnostics. */
export function computeEventPrehash(event: UnhashedEvent): string {
  return directPrehash(event) ?? treePrehash(event);
}

/** SHA-256 of some bytes as lower-case hex. */
export type Sha256Hex = (bytes: Uint8Array) => string;

const nobleSha256Hex: Sha256Hex = (bytes) => bytesToHex(sha256(bytes));
let sha256Hex: Sha256Hex = nobleSha256Hex;

/**
 * `src/ingest` is pure, so event ids are hashed with @noble/hashes by default. A host with a
 * native SHA-256 plugs it in once (the app uses node:crypto, about 8× faster on event-sized
 * inputs, where SHA-256 was ≈ 6 % of import time); it must give the same digest.
 */
export function useSha256(fn: Sha256Hex): void {
  sha256Hex = fn;
}

const encoder = new TextEncoder();
/** Reused for every event: UTF-8 needs at most 3 bytes per UTF-16 code unit. */
let scratch = new Uint8Array(8192);

function utf8Bytes(text: string): Uint8Array {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/**
 * The canonical GS1 EPCIS 2.0 event hash ID (CBV 2.0 §8.9) of an event in our model, so that the
 * same event read from JSON-LD, XML or a CSV template gets the same id. eventID, recordTime and
 * errorDeclaration do not take part, so a retraction carries the id of the event it retracts.
 */
export function computeEventId(event: UnhashedEvent): EventId {
  const digest = sha256Hex(utf8Bytes(computeEventPrehash(event)));
  return eventId(`ni:///sha-256;${digest}?ver=CBV2.0`);
}
