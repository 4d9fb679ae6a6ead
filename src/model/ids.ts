/**
 * Branded identifiers. Lots and locations use EPC URNs when they have GS1 keys
 * (`urn:epc:class:lgtin:…`, `urn:epc:id:sgln:…`) and a prefixed internal id otherwise
 * (`lot:…`, `loc:…`, `party:…`). Events are identified by their GS1 event hash
 * (`ni:///sha-256;…?ver=CBV2.0`), which makes re-imports idempotent.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type LotId = Brand<string, "LotId">;
export type LocationId = Brand<string, "LocationId">;
export type PartyId = Brand<string, "PartyId">;
export type EventId = Brand<string, "EventId">;
export type LinkId = Brand<string, "LinkId">;
export type DocumentRefId = Brand<string, "DocumentRefId">;

const INTERNAL = /^[^\s\p{Cc}]{1,256}$/u;

function internalId(prefix: string, raw: string): string {
  const trimmed = raw.trim();
  if (!INTERNAL.test(trimmed.replace(/ /g, "_"))) throw new RangeError(`not a usable ${prefix} id: "${raw}"`);
  return trimmed.startsWith(`${prefix}:`) ? trimmed : `${prefix}:${trimmed}`;
}

/** Accepts an already-canonical EPC URN or an internal id (given with or without its prefix). */
export function lotId(raw: string): LotId {
  return (raw.startsWith("urn:epc:") ? raw : internalId("lot", raw)) as LotId;
}

export function locationId(raw: string): LocationId {
  return (raw.startsWith("urn:epc:") ? raw : internalId("loc", raw)) as LocationId;
}

export function partyId(raw: string): PartyId {
  return (raw.startsWith("urn:epc:") ? raw : internalId("party", raw)) as PartyId;
}

export function eventId(raw: string): EventId {
  if (!raw.trim()) throw new RangeError("empty event id");
  return raw.trim() as EventId;
}

export function linkId(raw: string): LinkId {
  return internalId("link", raw) as LinkId;
}

export function documentRefId(type: string, ref: string): DocumentRefId {
  return `doc:${type}:${ref.trim()}` as DocumentRefId;
}
