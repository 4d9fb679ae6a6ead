import type { ChainEvent, LotLine, Product } from "./chain-event.ts";
import { csvRow } from "./csv-text.ts";
import type { Facility } from "./facility.ts";

/** The columns of templates/README.md `movements.csv`, in its order. */
export const MOVEMENTS_COLUMNS = [
  "event_ref",
  "event_type",
  "event_time",
  "facility_id",
  "role",
  "lot_id",
  "product",
  "quantity",
  "unit",
  "country_of_origin",
  "doc_type",
  "doc_id",
  "to_facility_id",
  "from_facility_id",
  "to_party_id",
  "from_party_id",
] as const;

/** Local wall-clock time with the facility's offset, as a supplier's spreadsheet would state it. */
export function localTime(time: number, offset: string): string {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(":").map(Number);
  const shifted = time + sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  return `${new Date(shifted).toISOString().slice(0, 19)}${offset}`;
}

interface RowBase {
  readonly event: ChainEvent;
  readonly type: string;
  readonly docs: readonly [string, string][];
}

function row(
  base: RowBase,
  role: string,
  line: LotLine,
  product: Product,
  extra: { claim?: string; to?: Facility; from?: Facility },
): string {
  const { event } = base;
  const to = extra.to ?? (event.kind === "ship" ? event.to : event.facility);
  const from = extra.from ?? (event.kind === "receive" ? event.from : event.facility);
  const moving = event.kind === "ship" || event.kind === "receive";
  return csvRow([
    event.id,
    base.type,
    localTime(event.time, event.facility.place.timeZoneOffset),
    event.facility.sgln,
    role,
    line.lot,
    product,
    line.kg,
    "KGM",
    extra.claim,
    base.docs.map(([type]) => type).join(";") || undefined,
    base.docs.map(([, id]) => id).join(";") || undefined,
    event.kind === "ship" ? to.sgln : undefined,
    event.kind === "receive" ? from.sgln : undefined,
    moving ? to.party.id : undefined,
    moving ? from.party.id : undefined,
  ]);
}

/** The rows of one event of a supplier that does not use EPCIS (one row per lot line). */
export function movementRows(event: ChainEvent): string {
  const docs = Object.entries(event.docs).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  switch (event.kind) {
    case "origin":
      return row({ event, type: "origin", docs }, "", event.output, event.product, { claim: event.claim });
    case "ship":
    case "receive":
      return event.lines
        .map((line) => row({ event, type: event.kind, docs }, "lot", line, event.product, {}))
        .join("");
    case "transform": {
      const base = { event, type: "transform", docs };
      const claim = event.claim ? { claim: event.claim } : {};
      return [
        ...event.inputs.map((line) => row(base, "input", line, event.inputProduct, {})),
        ...event.outputs.map((line) => row(base, "output", line, event.outputProduct, claim)),
      ].join("");
    }
  }
}
