import {
  canonicalEpc,
  type LocationId,
  type LotId,
  locationId,
  lotId,
  type PartyId,
  partyId,
} from "../../model/index.ts";
import { parseGln } from "./parse-identifiers.ts";

/**
 * Ids for template rows, shared by facilities and movements so a `facility_id` in one file meets
 * the same id in the other. Each returns undefined when the text cannot be an id (control
 * characters); the caller reports that as an issue on the column.
 */
export function facilityLocationId(raw: string): { id: LocationId; gln?: string } | undefined {
  const epc = canonicalEpc(raw);
  if (epc) return { id: locationId(epc) };
  const gln = parseGln(raw);
  // A bare GLN cannot become an SGLN without the company-prefix length, so it stays `loc:<GLN>`.
  if (gln) return { id: locationId(gln), gln };
  return attempt(() => ({ id: locationId(raw) }));
}

export function templatePartyId(raw: string): { id: PartyId; pgln?: string } | undefined {
  const epc = canonicalEpc(raw);
  if (epc) return { id: partyId(epc) };
  const pgln = parseGln(raw);
  if (pgln) return { id: partyId(pgln), pgln };
  return attempt(() => ({ id: partyId(raw) }));
}

export function templateLotId(raw: string): LotId | undefined {
  const epc = canonicalEpc(raw);
  return epc ? lotId(epc) : attempt(() => lotId(raw));
}

/** The model's id constructors throw RangeError for unusable text: that is bad data here. */
function attempt<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
