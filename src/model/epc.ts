/**
 * Canonical identifiers: every lot, location and instance is kept and printed as an EPC URN
 * (`urn:epc:class:lgtin:…`, `urn:epc:id:sgln:…`). GS1 Digital Link URIs are accepted on input.
 * Owned by the EPCIS importer work; extended there.
 */
export function canonicalEpc(raw: string): string | undefined {
  const s = raw.trim();
  return s.startsWith("urn:epc:") ? s : undefined;
}
