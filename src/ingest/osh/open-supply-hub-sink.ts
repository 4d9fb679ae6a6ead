import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import {
  type Identifier,
  type Link,
  type Location,
  type LocationId,
  linkId,
  locationId,
  type Party,
  partyId,
} from "../../model/index.ts";
import {
  type ChunkBuilder,
  compact,
  HeaderColumns,
  missingColumnsIssue,
  normaliseCountry,
  parseOsId,
  RowReader,
  type RowSink,
  type SinkFactory,
  type TableRow,
} from "../csv/index.ts";

/** Open Supply Hub list-upload columns (name, address, country required; the rest optional). */
export const OSH_REQUIRED = ["country", "name", "address"] as const;
const KNOWN = new Set<string>([
  ...OSH_REQUIRED,
  ...["sector", "facility_type", "processing_type", "parent_company", "lat", "lng", "os_id"],
]);

/** An Open Supply Hub facility list (CSV or sheet) → Locations, parent-company Parties, `owns` Links. */
export const createOpenSupplyHubSink: SinkFactory = (source, header, headerLocator) => {
  const columns = new HeaderColumns(header);
  const missing = columns.missing(OSH_REQUIRED);
  if (missing.length)
    return { issues: [missingColumnsIssue(source, headerLocator, missing, "Open Supply Hub list")] };
  return { sink: new OpenSupplyHubSink(source, columns), issues: [] };
};

class OpenSupplyHubSink implements RowSink {
  private readonly partiesSeen = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly columns: HeaderColumns,
  ) {}

  accept(row: TableRow, out: ChunkBuilder): void {
    const r = new RowReader(this.source, row, this.columns);
    const location = readFacility(r);
    out.issues.push(...r.issues);
    if (r.failed || !location) return;
    out.locations.push(location);
    const parent = r.text("parent_company");
    if (parent === undefined) return;
    const party = parentParty(parent, r);
    if (!this.partiesSeen.has(party.id)) {
      this.partiesSeen.add(party.id);
      out.parties.push(party);
    }
    const link: Link = {
      typeName: "link",
      id: linkId(`owns:${party.id}->${location.id}`),
      kind: "owns",
      from: party.id,
      to: location.id,
      provenance: r.provenance,
    };
    out.links.push(link);
  }

  finish(): void {}
}

function readFacility(r: RowReader): Location | undefined {
  const name = r.required("name");
  const address = r.required("address");
  const rawCountry = r.required("country");
  const country = rawCountry === undefined ? undefined : r.country("country");
  const latitude = r.number("lat", -90, 90);
  const longitude = r.number("lng", -180, 180);
  const osId = readOsId(r);
  if (name === undefined || address === undefined || country === undefined) return undefined;
  const identifiers: Identifier[] = osId ? [{ scheme: "osid", value: osId }] : [];
  const processingType = r.text("processing_type") ?? r.text("facility_type_processing_type");
  return {
    typeName: "location",
    id: facilityId(osId, country, name, address),
    name,
    address: { lines: [address], country },
    ...compact({ latitude, longitude, processingType }),
    ...compact({ facilityType: r.text("facility_type"), sector: r.text("sector") }),
    identifiers,
    attributes: r.columns.extras(r.row.cells, KNOWN),
    provenance: r.provenance,
  };
}

function readOsId(r: RowReader): string | undefined {
  const raw = r.text("os_id");
  if (raw === undefined) return undefined;
  const osId = parseOsId(raw);
  if (!osId)
    r.error("os_id", "osh.bad-os-id", `expected an Open Supply Hub id like CN2019303BQ3FZP, got "${raw}"`);
  return osId;
}

/**
 * The OS ID when the list has one; otherwise a hash of what identifies a facility in a list
 * (country, name, address, normalised), never the row number, so re-importing a list (or the same
 * facility in another list) gives the same id.
 */
export function facilityId(
  osId: string | undefined,
  country: string,
  name: string,
  address: string,
): LocationId {
  if (osId) return locationId(`os:${osId}`);
  const key = [normaliseCountry(country) ?? country, name, address].map(normaliseForId).join("|");
  return locationId(`osh:${stableHash(key)}`);
}

function parentParty(name: string, r: RowReader): Party {
  return {
    typeName: "party",
    id: partyId(`osh:${stableHash(normaliseForId(name))}`),
    name,
    aliases: [],
    identifiers: [],
    attributes: {},
    provenance: r.provenance,
  };
}

/** Case, width, accents and punctuation vary between uploads of the same facility. */
export function normaliseForId(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function stableHash(s: string): string {
  return bytesToHex(sha256(utf8ToBytes(s))).slice(0, 24);
}
