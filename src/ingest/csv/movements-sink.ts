import { documentRefId, issue, type Lot, type Provenance, provenance } from "../../model/index.ts";
import { buildMovementEvent } from "./build-movement-event.ts";
import type { ChunkBuilder } from "./chunk-builder.ts";
import { compact } from "./compact.ts";
import { HeaderColumns } from "./header-columns.ts";
import { type MovementRow, readMovementRow } from "./movement-row.ts";
import { missingColumnsIssue, RowReader } from "./row-reader.ts";
import type { RowSink, SinkFactory, TableRow } from "./row-sink.ts";

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
/** Columns that describe the event, not the lot line: every row of an event must agree on them. */
const EVENT_COLUMNS: readonly (readonly [string, (m: MovementRow) => string | undefined])[] = [
  ["event_type", (m) => m.type],
  ["event_time", (m) => m.time.time],
  ["facility_id", (m) => m.facility],
  ["to_facility_id", (m) => m.toFacility],
  ["from_facility_id", (m) => m.fromFacility],
  ["to_party_id", (m) => m.toParty],
  ["from_party_id", (m) => m.fromParty],
  ["country_of_origin", (m) => m.countryOfOrigin],
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
  readonly firstLocator: string;
  lastLocator: string;
  readonly rows: MovementRow[];
  failed: boolean;
}

class MovementsSink implements RowSink {
  private open: OpenEvent | undefined;
  private readonly closed = new Map<string, string>();
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
      if (movement) checkAgreement(r, group, movement);
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
    this.open = { ref, firstLocator: r.row.locator, lastLocator: r.row.locator, rows: [], failed: false };
    const earlier = this.closed.get(ref);
    if (earlier !== undefined) {
      const message = `expected the rows of event_ref ${ref} to be adjacent; the event already ended at ${earlier}`;
      r.error("event_ref", "template.split-event", message);
    }
  }

  private close(out: ChunkBuilder): void {
    const group = this.open;
    if (!group) return;
    this.open = undefined;
    this.closed.set(group.ref, group.lastLocator);
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
    const { event, issues } = buildMovementEvent(group.rows, prov);
    out.issues.push(...issues);
    if (!event) return;
    out.events.push(event);
    for (const m of group.rows) {
      if (this.lotsSeen.has(m.lot)) continue;
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

function checkAgreement(r: RowReader, group: OpenEvent, movement: MovementRow): void {
  const first = group.rows[0];
  if (!first) return;
  for (const [column, read] of EVENT_COLUMNS) {
    if (read(first) === read(movement)) continue;
    const message = `expected the same ${column} on every row of event_ref ${group.ref} (${group.firstLocator} has "${read(first) ?? ""}"), got "${read(movement) ?? ""}"`;
    r.error(column, "template.event-disagrees", message);
  }
}
