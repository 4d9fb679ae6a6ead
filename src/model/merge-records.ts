import type { Identifier } from "./identifier.ts";
import type { Address, Location } from "./location.ts";
import type { Party } from "./party.ts";
import type { Provenance } from "./provenance.ts";

/**
 * The same facility or company often arrives from several sources: EPCIS master data names a
 * location, the facilities template adds its processing type and operator, an Open Supply Hub
 * list its coordinates. Nothing loaded may be lost, so a record already stored is completed, never
 * overwritten: fields it lacks are filled in, lists are united, and the source that contributed
 * is added to `mergedFrom`. `undefined` means the incoming record adds nothing (re-imports).
 */
function unite<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): readonly T[] {
  const seen = new Set(a.map(key));
  const extra = b.filter((t) => !seen.has(key(t)));
  return extra.length === 0 ? a : [...a, ...extra];
}

function fill<T extends object>(base: T, extra: Partial<T>, keys: readonly (keyof T)[]): T {
  const out = { ...base };
  for (const k of keys) if (out[k] === undefined && extra[k] !== undefined) out[k] = extra[k] as T[keyof T];
  return out;
}

function mergeAddress(a: Address, b: Address): Address {
  const filled = fill(a, b, ["city", "state", "postalCode", "country"]);
  return a.lines.length === 0 && b.lines.length > 0 ? { ...filled, lines: b.lines } : filled;
}

const identifierKey = (i: Identifier) => `${i.scheme}:${i.value}`;
const provenanceKey = (p: Provenance) => `${p.source}\u0000${p.locator}`;

function withSource<
  T extends { readonly provenance: Provenance; readonly mergedFrom?: readonly Provenance[] },
>(merged: T, existing: T, incoming: Provenance): T | undefined {
  if (JSON.stringify(merged) === JSON.stringify(existing)) return undefined;
  const already = [existing.provenance, ...(existing.mergedFrom ?? [])].some(
    (p) => provenanceKey(p) === provenanceKey(incoming),
  );
  return already ? merged : { ...merged, mergedFrom: [...(existing.mergedFrom ?? []), incoming] };
}

export function mergeLocation(existing: Location, incoming: Location): Location | undefined {
  const filled = fill(existing, incoming, [
    "name",
    "latitude",
    "longitude",
    "facilityType",
    "processingType",
    "sector",
    "operator",
  ]);
  const merged: Location = {
    ...filled,
    address: mergeAddress(existing.address, incoming.address),
    identifiers: unite(existing.identifiers, incoming.identifiers, identifierKey),
    attributes: { ...incoming.attributes, ...existing.attributes },
  };
  return withSource(merged, existing, incoming.provenance);
}

export function mergeParty(existing: Party, incoming: Party): Party | undefined {
  const names = incoming.name === existing.name ? incoming.aliases : [incoming.name, ...incoming.aliases];
  const merged: Party = {
    ...fill(existing, incoming, ["country", "address"]),
    aliases: unite(
      existing.aliases,
      names.filter((n) => n !== existing.name),
      (n) => n,
    ),
    identifiers: unite(existing.identifiers, incoming.identifiers, identifierKey),
    attributes: { ...incoming.attributes, ...existing.attributes },
  };
  return withSource(merged, existing, incoming.provenance);
}
