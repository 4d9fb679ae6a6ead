import type { Identifier, Link, Location, Party, PartyId } from "../../model/index.ts";
import { linkId } from "../../model/index.ts";
import type { ChunkBuilder } from "./chunk-builder.ts";
import { compact } from "./compact.ts";
import { HeaderColumns } from "./header-columns.ts";
import { parseLei, parseOsId, parseUscc } from "./parse-identifiers.ts";
import { parseShare, splitList } from "./parse-number.ts";
import { missingColumnsIssue, RowReader } from "./row-reader.ts";
import type { RowSink, SinkFactory, TableRow } from "./row-sink.ts";
import { facilityLocationId, templatePartyId } from "./template-ids.ts";

export const FACILITIES_REQUIRED = [
  "facility_id",
  "facility_name",
  "country",
  "party_id",
  "party_name",
] as const;
const KNOWN = new Set<string>([
  ...FACILITIES_REQUIRED,
  ...["address", "city", "state", "postal_code", "latitude", "longitude", "processing_type", "facility_type"],
  ...["sector", "os_id", "gln", "party_name_local", "party_aliases", "uscc", "lei"],
  ...["owner_party_id", "owner_party_name", "owner_share"],
]);

/** facilities.csv (templates/README.md): a Location per row, its operating Party, an owner link. */
export const createFacilitiesSink: SinkFactory = (source, header, headerLocator) => {
  const columns = new HeaderColumns(header);
  const missing = columns.missing(FACILITIES_REQUIRED);
  if (missing.length) return { issues: [missingColumnsIssue(source, headerLocator, missing, "facilities")] };
  return { sink: new FacilitiesSink(source, columns), issues: [] };
};

class FacilitiesSink implements RowSink {
  // A party operating several facilities is emitted once per import; the store merges across files.
  private readonly partiesSeen = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly columns: HeaderColumns,
  ) {}

  accept(row: TableRow, out: ChunkBuilder): void {
    const r = new RowReader(this.source, row, this.columns);
    const party = readParty(r);
    const location = party && readLocation(r, party.id);
    const owner = party && readOwner(r, party.id);
    out.issues.push(...r.issues);
    if (r.failed || !party || !location) return;
    out.locations.push(location);
    this.emitParty(party, out);
    if (owner) {
      out.links.push(owner.link);
      if (owner.party) this.emitParty(owner.party, out);
    }
  }

  finish(): void {}

  private emitParty(party: Party, out: ChunkBuilder): void {
    if (this.partiesSeen.has(party.id)) return;
    this.partiesSeen.add(party.id);
    out.parties.push(party);
  }
}

function readParty(r: RowReader): Party | undefined {
  const rawId = r.required("party_id");
  const name = r.required("party_name");
  const made = rawId === undefined ? undefined : templatePartyId(rawId);
  if (rawId !== undefined && !made)
    r.error("party_id", "template.bad-id", `expected an id without control characters, got "${rawId}"`);
  if (!made || name === undefined) return undefined;
  const identifiers: Identifier[] = made.pgln ? [{ scheme: "pgln", value: made.pgln }] : [];
  const uscc = r.text("uscc");
  if (uscc !== undefined) {
    const valid = parseUscc(uscc);
    if (valid) identifiers.push({ scheme: "uscc", value: valid });
    else
      r.error(
        "uscc",
        "template.bad-uscc",
        `expected an 18-character Unified Social Credit Code with a valid check character, got "${uscc}"`,
      );
  }
  const lei = r.text("lei");
  if (lei !== undefined) {
    const valid = parseLei(lei);
    if (valid) identifiers.push({ scheme: "lei", value: valid });
    else
      r.error("lei", "template.bad-lei", `expected a 20-character LEI with valid check digits, got "${lei}"`);
  }
  const aliases = [r.text("party_name_local"), ...splitList(r.text("party_aliases") ?? "")];
  return {
    typeName: "party",
    id: made.id,
    name,
    aliases: [...new Set(aliases.filter((a): a is string => a !== undefined && a !== name))],
    identifiers,
    attributes: {},
    provenance: r.provenance,
  };
}

function readLocation(r: RowReader, operator: PartyId): Location | undefined {
  const rawId = r.required("facility_id");
  const name = r.required("facility_name");
  const country = r.required("country") === undefined ? undefined : r.country("country");
  const latitude = r.number("latitude", -90, 90);
  const longitude = r.number("longitude", -180, 180);
  const made = rawId === undefined ? undefined : facilityLocationId(rawId);
  if (rawId !== undefined && !made)
    r.error("facility_id", "template.bad-id", `expected an id without control characters, got "${rawId}"`);
  if (!made || name === undefined) return undefined;
  return {
    typeName: "location",
    id: made.id,
    name,
    address: {
      lines: addressLines(r.text("address")),
      ...compact({
        city: r.text("city"),
        state: r.text("state"),
        postalCode: r.text("postal_code"),
        country,
      }),
    },
    ...compact({ latitude, longitude }),
    ...compact({
      facilityType: r.text("facility_type"),
      processingType: r.text("processing_type"),
      sector: r.text("sector"),
    }),
    operator,
    identifiers: locationIdentifiers(r, made.gln),
    attributes: r.columns.extras(r.row.cells, KNOWN),
    provenance: r.provenance,
  };
}

/** The address cell is one line as written (commas and all): splitting it would guess. */
function addressLines(address: string | undefined): string[] {
  return address === undefined ? [] : [address.replace(/\s*\n\s*/g, ", ")];
}

function locationIdentifiers(r: RowReader, glnFromId: string | undefined): Identifier[] {
  const out: Identifier[] = glnFromId ? [{ scheme: "gln", value: glnFromId }] : [];
  const gln = r.text("gln");
  if (gln !== undefined && gln !== glnFromId) {
    const made = facilityLocationId(gln);
    if (made?.gln) out.push({ scheme: "gln", value: made.gln });
    else r.error("gln", "template.bad-gln", `expected a 13-digit GLN with a valid check digit, got "${gln}"`);
  }
  const osId = r.text("os_id");
  if (osId !== undefined) {
    const valid = parseOsId(osId);
    if (valid) out.push({ scheme: "osid", value: valid });
    else
      r.error(
        "os_id",
        "template.bad-os-id",
        `expected an Open Supply Hub id like CN2019303BQ3FZP, got "${osId}"`,
      );
  }
  return out;
}

function readOwner(r: RowReader, owned: PartyId): { link: Link; party?: Party } | undefined {
  const rawId = r.text("owner_party_id");
  const name = r.text("owner_party_name");
  const shareText = r.text("owner_share");
  if (rawId === undefined) {
    if (name !== undefined || shareText !== undefined)
      r.error(
        "owner_party_id",
        "template.missing-value",
        "expected an owner_party_id when owner_party_name or owner_share is given",
      );
    return undefined;
  }
  const made = templatePartyId(rawId);
  if (!made) {
    r.error("owner_party_id", "template.bad-id", `expected an id without control characters, got "${rawId}"`);
    return undefined;
  }
  const share = shareText === undefined ? undefined : parseShare(shareText);
  if (shareText !== undefined && share === undefined)
    r.error("owner_share", "template.bad-number", `expected a share like 0.6 or 60%, got "${shareText}"`);
  const link: Link = {
    typeName: "link",
    id: linkId(`owns:${made.id}->${owned}`),
    kind: "owns",
    from: made.id,
    to: owned,
    ...compact({ share }),
    provenance: r.provenance,
  };
  if (name === undefined) return { link };
  const identifiers: Identifier[] = made.pgln ? [{ scheme: "pgln", value: made.pgln }] : [];
  const party: Party = {
    typeName: "party",
    id: made.id,
    name,
    aliases: [],
    identifiers,
    attributes: {},
    provenance: r.provenance,
  };
  return { link, party };
}
