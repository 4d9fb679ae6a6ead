import type { OriginRegion, Place } from "./places.ts";

/** The tier a facility works at; decides its events and its Open Supply Hub processing type. */
export type FacilityRole = "farm" | "gin" | "trader" | "spinner" | "fabric" | "garment" | "importer";

/**
 * Facilities used only by one kind of planted case, so their per-location totals belong to that
 * case alone and no clean chain passes through them.
 */
export type FacilityPlant = "listed-spinner" | "over-claim-spinner" | "over-claim-garment" | "relabel-trader";

/** A UFLPA Entity List entry as the generator uses it (name as listed, Chinese name, section). */
export interface ListedEntity {
  readonly name: string;
  readonly chineseName?: string;
  readonly section: string;
  readonly listId: string;
}

export interface Owner {
  readonly partyId: string;
  readonly name: string;
  readonly share: number;
  readonly listed?: ListedEntity;
}

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly nameLocal?: string;
  readonly aliases: readonly string[];
  readonly uscc?: string;
  readonly lei?: string;
  readonly companyPrefix: string;
  readonly gln: string;
  readonly listed?: ListedEntity;
  readonly owner?: Owner;
}

export interface Facility {
  readonly index: number;
  readonly role: FacilityRole;
  readonly place: Place;
  readonly sgln: string;
  readonly gln: string;
  readonly name: string;
  readonly address: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly party: Party;
  /** `csv`: a supplier that does not use EPCIS; its events go to movements.csv only. */
  readonly channel: "epcis" | "csv";
  readonly plant?: FacilityPlant;
  readonly origin?: OriginRegion;
}

export const PROCESSING_TYPE: Readonly<Record<FacilityRole, string>> = {
  farm: "farming",
  gin: "ginning",
  trader: "trading",
  spinner: "spinning",
  fabric: "weaving",
  garment: "cut and sew",
  importer: "importing",
};

export const FACILITY_TYPE: Readonly<Record<FacilityRole, string>> = {
  farm: "Cotton farm",
  gin: "Cotton gin",
  trader: "Cotton merchant warehouse",
  spinner: "Spinning mill",
  fabric: "Weaving and knitting mill",
  garment: "Garment factory",
  importer: "Distribution centre",
};

/** The listed entity a facility's chain touches through it: its operator, else its owner. */
export function listedHit(
  facility: Facility,
): { entity: ListedEntity; via: "operator" | "owner" } | undefined {
  if (facility.party.listed) return { entity: facility.party.listed, via: "operator" };
  if (facility.party.owner?.listed) return { entity: facility.party.owner.listed, via: "owner" };
  return undefined;
}
