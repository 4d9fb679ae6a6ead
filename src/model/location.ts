import type { Identifier } from "./identifier.ts";
import type { LocationId, PartyId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

export interface Address {
  readonly lines: readonly string[];
  readonly city?: string;
  readonly state?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 where known, else the country as written. */
  readonly country?: string;
}

/** A place where goods are created, transformed or held: a farm, gin, mill, warehouse. */
export interface Location {
  readonly typeName: "location";
  readonly id: LocationId;
  readonly name?: string;
  readonly address: Address;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly facilityType?: string;
  /** Open Supply Hub processing type: ginning, spinning, knitting, weaving, dyeing, cut and sew… */
  readonly processingType?: string;
  readonly sector?: string;
  readonly operator?: PartyId;
  readonly identifiers: readonly Identifier[];
  /** Further attributes as received (master-data attributes, extra CSV columns). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly provenance: Provenance;
  /** Other sources that added facts to this record after the first (see `mergeLocation`/`mergeParty`). */
  readonly mergedFrom?: readonly Provenance[];
}
