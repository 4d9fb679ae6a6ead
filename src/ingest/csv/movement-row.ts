import type { LocationId, LotId, PartyId, QuantityLine, TypedRef } from "../../model/index.ts";
import { toKilograms } from "../../model/index.ts";
import { compact } from "./compact.ts";
import { type EventTime, parseEventTime } from "./parse-event-time.ts";
import { splitList } from "./parse-number.ts";
import { parseUnit } from "./parse-unit.ts";
import type { RowReader } from "./row-reader.ts";
import { facilityLocationId, templateLotId, templatePartyId } from "./template-ids.ts";

export const MOVEMENT_TYPES = ["origin", "transform", "ship", "receive", "observe"] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** The columns of a movements row that describe its event rather than its lot line. */
export type EventHeader = Pick<
  MovementRow,
  "type" | "time" | "facility" | "toFacility" | "fromFacility" | "toParty" | "fromParty" | "countryOfOrigin"
>;

/** One row of movements.csv, validated: a lot line of the event named by `ref`. */
export interface MovementRow {
  readonly ref: string;
  readonly type: MovementType;
  readonly time: EventTime;
  readonly facility: LocationId;
  readonly role: "input" | "output" | "lot";
  readonly lot: LotId;
  readonly product?: string;
  readonly line: QuantityLine;
  readonly countryOfOrigin?: string;
  readonly documents: readonly TypedRef[];
  readonly toFacility?: LocationId;
  readonly fromFacility?: LocationId;
  readonly toParty?: PartyId;
  readonly fromParty?: PartyId;
}

/** Reads one movements row, recording an issue for every bad cell; undefined when it failed. */
export function readMovementRow(r: RowReader): MovementRow | undefined {
  const ref = r.required("event_ref");
  const type = readType(r);
  const time = readTime(r);
  const facility = readFacility(r, "facility_id", true);
  const role = readRole(r, type);
  const lot = readLot(r);
  const line = lot && readQuantity(r, lot);
  const countryOfOrigin = r.country("country_of_origin");
  const documents = readDocuments(r);
  const toFacility = readFacility(r, "to_facility_id", type === "ship");
  const fromFacility = readFacility(r, "from_facility_id", type === "receive");
  const toParty = readParty(r, "to_party_id");
  const fromParty = readParty(r, "from_party_id");
  if (r.failed || !ref || !type || !time || !facility || !role || !lot || !line) return undefined;
  return {
    ref,
    type,
    time,
    facility,
    role,
    lot,
    line,
    documents,
    ...compact({ product: r.text("product"), countryOfOrigin, toFacility, fromFacility, toParty, fromParty }),
  };
}

function readType(r: RowReader): MovementType | undefined {
  const raw = r.required("event_type");
  if (raw === undefined) return undefined;
  const type = MOVEMENT_TYPES.find((t) => t === raw.toLowerCase());
  if (!type)
    r.error(
      "event_type",
      "template.unknown-event-type",
      `expected one of ${MOVEMENT_TYPES.join(", ")}, got "${raw}"`,
    );
  return type;
}

function readTime(r: RowReader): EventTime | undefined {
  const raw = r.required("event_time");
  if (raw === undefined) return undefined;
  const time = parseEventTime(raw);
  if (!time) {
    const expected = "expected a date like 2025-03-14 or 2025-03-14T08:30:00+08:00, or an Excel date serial";
    r.error("event_time", "template.bad-date", `${expected}, got "${raw}"`);
  }
  return time;
}

function readFacility(r: RowReader, column: string, required: boolean): LocationId | undefined {
  const raw = required ? r.required(column) : r.text(column);
  if (raw === undefined) return undefined;
  const made = facilityLocationId(raw);
  if (!made)
    r.error(column, "template.bad-id", `expected a facility id without control characters, got "${raw}"`);
  return made?.id;
}

function readParty(r: RowReader, column: string): PartyId | undefined {
  const raw = r.text(column);
  if (raw === undefined) return undefined;
  const made = templatePartyId(raw);
  if (!made)
    r.error(column, "template.bad-id", `expected a party id without control characters, got "${raw}"`);
  return made?.id;
}

function readRole(r: RowReader, type: MovementType | undefined): MovementRow["role"] | undefined {
  const raw = r.text("role")?.toLowerCase();
  if (type === "transform") {
    if (raw === "input" || raw === "output") return raw;
    r.error("role", "template.bad-role", `expected input or output for a transform row, got "${raw ?? ""}"`);
    return undefined;
  }
  if (raw === undefined || raw === "lot") return "lot";
  r.error(
    "role",
    "template.bad-role",
    `expected "lot" or an empty cell for a ${type ?? "non-transform"} row, got "${raw}"`,
  );
  return undefined;
}

function readLot(r: RowReader): LotId | undefined {
  const raw = r.required("lot_id");
  if (raw === undefined) return undefined;
  const lot = templateLotId(raw);
  if (!lot) r.error("lot_id", "template.bad-id", `expected a lot number or an LGTIN, got "${raw}"`);
  return lot;
}

function readQuantity(r: RowReader, lot: LotId): QuantityLine | undefined {
  const quantity = r.required("quantity") === undefined ? undefined : r.number("quantity", 0);
  const rawUnit = r.required("unit");
  if (rawUnit === undefined) return undefined;
  const unit = parseUnit(rawUnit);
  if (!unit.ok) {
    r.error("unit", "template.bad-unit", unit.message);
    return undefined;
  }
  if (unit.warning) r.warn("unit", "template.unknown-unit", unit.warning);
  if (quantity === undefined) return undefined;
  return { lot, quantity, uom: unit.code, ...compact({ kg: toKilograms(quantity, unit.code) }) };
}

/** `doc_type`/`doc_id` pair up item by item; one type with several ids applies to all of them. */
function readDocuments(r: RowReader): TypedRef[] {
  const types = splitList(r.text("doc_type") ?? "").map((t) => t.toLowerCase());
  const ids = splitList(r.text("doc_id") ?? "");
  if (!types.length && !ids.length) return [];
  if (types.length === ids.length) return ids.map((id, i) => ({ type: types[i] ?? "", id }));
  if (types.length === 1 && ids.length > 1) return ids.map((id) => ({ type: types[0] ?? "", id }));
  const message = `expected as many doc_type values as doc_id values (or a single doc_type), got ${types.length} and ${ids.length}`;
  r.error(ids.length ? "doc_type" : "doc_id", "template.bad-documents", message);
  return [];
}
