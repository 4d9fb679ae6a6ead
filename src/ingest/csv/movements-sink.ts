import { documentRefId, issue, type Lot, type Provenance, provenance } from "../../model/index.ts";
import { buildMovementEvent } from "./build-movement-event.ts";
import type { ChunkBuilder } from "./chunk-builder.ts";
import { compact } from "./compact.ts";
import { HeaderColumns } from "./header-columns.ts";
import { type EventHeader, type MovementRow, readMovementRow } from "./movement-row.ts";
import { missingColumnsIssue, RowReader } from "./row-reader.ts";
import type { RowSink, SinkFactory, TableRow } from "./row-sink.ts";
import { SeenRefs } from "./seen-refs.ts";

export const MOVEMENTS_REQUIRED = [
  "event_ref",
  "event_type",
  "event_time",
  "facility_id",
  "lot_id",
  "quantity",
  "unit",
] as const;
const OPTIONAL = [
  "role",
  "product",
  "country_of_origin",
  "doc_type",
  "doc_id",
  "to_facility_id",
  "from_facility_id",
  "to_party_id",
  "from_party_id",
];
const KNOWN = new Set<string>([...MOVEMENTS_REQUIRED, ...OPTIONAL]);
/**
 * Columns that describe the event, not the lot line. Required ones must be equal on every row;
 * optional ones may be left empty on some rows (a claim stated on the output rows only), but
 * stated values must agree.
 */
const EVENT_COLUMNS: readonly (readonly [keyof EventHeader, string, boolean])[] = [
  ["type", "event_type", true],
  ["time", "event_time", true],
  ["facility", "facility_id", true],
  ["toFacility", "to_facility_id", false],
  ["fromFacility", "from_facility_id", false],
  ["toParty", "to_party_id", false],
  ["fromParty", "from_party_id", false],
  ["countryOfOrigin", "country_of_origin", false],
];

/** movements.csv (templates/README.md): adjacent rows sharing an `event_ref` make one event. */
export const createMovementsSink: SinkFactory = (source, header, headerLocator) => {
  const columns = new HeaderColumns(header);
  const missing = columns.missing(MOVEMENTS_REQUIRED);
  if (missing.length) return { issues: [missingColumnsIssue(source, headerLocator, missing, "movements")] };
  // Events are hashed from their content, so columns we do not map cannot be kept on them.
  const unknown = columns.names.filter((n) => n && !KNOWN.has(n));
  const message = `columns ${unknown.join(", ")} are not part of the movements template and are ignored`;
  const issues = unknown.length
    ? [
        issue(
          "template.ignored-column",
          provenance(source, headerLocator),
          unknown.join(", "),
          message,
          "warning",
        ),
      ]
    : [];
  return { sink: new MovementsSink(source, columns), issues };
};

interface OpenEvent {
  readonly ref: string;
  header: EventHeader | undefined;
  readonly firstLocator: string;
  lastLocator: string;
  readonly rows: MovementRow[];
  failed: boolean;
}

/**
 * Lots already emitted with a record, to skip the repeats of a lot over many rows. Forgotten when
 * full so memory stays flat: a repeat emitted again changes nothing, the store keeps a lot's first
 * record.
 */
const RECENT_LOTS_LIMIT = 100_000;

/** Locators end in the row number ("line 12", "sheet movements, row 12"): the same place, row n. */
function rowOf(locator: string): number {
  return Number(/\d+$/.exec(locator)?.[0] ?? 0);
}
function atRow(locator: string, row: number): string {
  return locator.replace(/\d+$/, String(row));
}

class MovementsSink implements RowSink {
  private open: OpenEvent | undefined;
  private readonly closed = new SeenRefs();
  private readonly lotsSeen = new Set<string>();

  constructor(
    private readonly source: string,
    private readonly columns: HeaderColumns,
  ) {}

  accept(row: TableRow, out: ChunkBuilder): void {
    const r = new RowReader(this.source, row, this.columns);
    const movement = readMovementRow(r);
    const ref = r.text("event_ref");
    if (ref !== undefined && ref !== this.open?.ref) this.start(ref, r, out);
    const group = this.open;
    if (group && ref === group.ref) {
      group.lastLocator = row.locator;
      if (movement) mergeHeader(r, group, movement);
      if (movement && !r.failed) group.rows.push(movement);
      if (r.failed) group.failed = true;
    }
    out.issues.push(...r.issues);
  }

  finish(out: ChunkBuilder): void {
    this.close(out);
  }

  private start(ref: string, r: RowReader, out: ChunkBuilder): void {
    this.close(out);
    this.open = {
      ref,
      header: undefined,
      firstLocator: r.row.locator,
      lastLocator: r.row.locator,
      rows: [],
      failed: false,
    };
    const endedOn = this.closed.get(ref);
    if (endedOn !== undefined) {
      const earlier = atRow(r.row.locator, endedOn);
      const message = `expected the rows of event_ref ${ref} to be adjacent; the event already ended at ${earlier}`;
      r.error("event_ref", "template.split-event", message);
    }
  }

  private close(out: ChunkBuilder): void {
    const group = this.open;
    if (!group) return;
    this.open = undefined;
    this.closed.set(group.ref, rowOf(group.lastLocator));
    const span =
      group.firstLocator === group.lastLocator
        ? group.firstLocator
        : `${group.firstLocator}–${group.lastLocator.replace(/^line /, "")}`;
    const prov = provenance(this.source, `${span} (event_ref ${group.ref})`);
    if (group.failed) {
      const message = `event_ref ${group.ref} not imported: fix the errors reported on its rows`;
      out.issues.push(issue("template.event-skipped", prov, "event_ref", message, "warning"));
      return;
    }
    this.emit(group, prov, out);
  }

  private emit(group: OpenEvent, prov: Provenance, out: ChunkBuilder): void {
    if (!group.header) return;
    const { event, issues } = buildMovementEvent(group.rows, group.header, prov);
    out.issues.push(...issues);
    if (!event) return;
    out.events.push(event);
    for (const m of group.rows) {
      if (this.lotsSeen.has(m.lot)) continue;
      if (this.lotsSeen.size >= RECENT_LOTS_LIMIT) this.lotsSeen.clear();
      this.lotsSeen.add(m.lot);
      const lot: Lot = {
        typeName: "lot",
        id: m.lot,
        ...compact({ product: m.product, unit: m.line.uom }),
        provenance: prov,
      };
      out.lots.push(lot);
    }
    for (const ref of event.bizTransactions) {
      const id = documentRefId(ref.type, ref.id);
      out.documents.push({
        typeName: "document-ref",
        id,
        type: ref.type,
        ref: ref.id,
        event: event.id,
        provenance: prov,
      });
    }
  }
}

function mergeHeader(r: RowReader, group: OpenEvent, movement: MovementRow): void {
  const header = group.header;
  if (!header) {
    group.header = { ...movement };
    return;
  }
  const merged: Record<string, unknown> = { ...header };
  for (const [key, column, required] of EVENT_COLUMNS) {
    const was = valueText(header[key]);
    const now = valueText(movement[key]);
    if (was === now || (!required && (was === undefined || now === undefined))) {
      merged[key] ??= movement[key];
      continue;
    }
    const message = `expected the same ${column} on every row of event_ref ${group.ref} (${group.firstLocator} has "${was ?? ""}"), got "${now ?? ""}"`;
    r.error(column, "template.event-disagrees", message);
  }
  group.header = merged as unknown as EventHeader;
}

function valueText(v: EventHeader[keyof EventHeader]): string | undefined {
  return typeof v === "object" ? v.time : v;
}
