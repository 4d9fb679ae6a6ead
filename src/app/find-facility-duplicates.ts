import type { Location } from "../model/index.ts";
import { type DuplicateReport, type FacilityRecord, findDuplicateFacilities } from "../screen/index.ts";
import type { Store } from "./store.ts";

export interface FacilityDuplicateOptions {
  readonly threshold?: number;
  readonly addressThreshold?: number;
}

/** One line of address as a list would print it: street lines, city, state, postal code. */
function addressOf(location: Location): string {
  const a = location.address;
  return [...a.lines, a.city, a.state, a.postalCode].filter((p) => p?.trim()).join(", ");
}

function facilityOf(location: Location): FacilityRecord | undefined {
  if (!location.name?.trim()) return undefined;
  return {
    id: location.id,
    name: location.name,
    address: addressOf(location),
    ...(location.address.country ? { country: location.address.country } : {}),
  };
}

/**
 * Facilities the store holds more than once (the same mill loaded from two suppliers' lists or
 * two Open Supply Hub lists under different ids). Unnamed locations can't be compared and are left out.
 */
export async function findFacilityDuplicates(
  store: Store,
  options: FacilityDuplicateOptions = {},
): Promise<DuplicateReport> {
  const facilities: FacilityRecord[] = [];
  for await (const location of store.locations()) {
    const facility = facilityOf(location);
    if (facility) facilities.push(facility);
  }
  return findDuplicateFacilities(facilities, options);
}
