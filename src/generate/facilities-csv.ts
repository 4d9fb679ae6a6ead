import { csvRow } from "./csv-text.ts";
import { FACILITY_TYPE, type Facility, PROCESSING_TYPE } from "./facility.ts";

/** The columns of templates/README.md `facilities.csv`, in its order. */
export const FACILITIES_COLUMNS = [
  "facility_id",
  "facility_name",
  "address",
  "city",
  "state",
  "postal_code",
  "country",
  "latitude",
  "longitude",
  "processing_type",
  "facility_type",
  "sector",
  "os_id",
  "gln",
  "party_id",
  "party_name",
  "party_name_local",
  "party_aliases",
  "uscc",
  "lei",
  "owner_party_id",
  "owner_party_name",
  "owner_share",
] as const;

export function facilityRow(facility: Facility): string {
  const party = facility.party;
  const owner = party.owner;
  return csvRow([
    facility.sgln,
    facility.name,
    facility.address,
    facility.city,
    facility.state,
    facility.postalCode,
    facility.place.country,
    facility.latitude,
    facility.longitude,
    PROCESSING_TYPE[facility.role],
    FACILITY_TYPE[facility.role],
    facility.role === "farm" || facility.role === "gin"
      ? "Agriculture"
      : facility.role === "garment" || facility.role === "importer"
        ? "Apparel"
        : "Textiles",
    undefined,
    facility.gln,
    party.id,
    party.name,
    party.nameLocal,
    party.aliases.join("; ") || undefined,
    party.uscc,
    party.lei,
    owner?.partyId,
    owner?.name,
    owner?.share,
  ]);
}

/** Every facility and its operating party, one row each, in chunks of 500 rows. */
export function* facilitiesCsv(facilities: readonly Facility[]): Generator<string> {
  yield csvRow(FACILITIES_COLUMNS);
  for (let i = 0; i < facilities.length; i += 500)
    yield facilities
      .slice(i, i + 500)
      .map(facilityRow)
      .join("");
}
