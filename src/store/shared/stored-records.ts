import type { DocumentRef, SupplyEvent } from "../../model/index.ts";
import { decodeRecord } from "./read-rows.ts";

/**
 * Events and document references are stored lean (migration 0008): their JSON record leaves out
 * the fields the row already holds as columns, and every read puts them back here, so a reader
 * gets the very record that was imported. Other tables store the whole record.
 */
export type LeanTable = "events" | "document_refs";

/** The columns a read of a lean table selects, qualified by `table.` when `qualified`. */
export function recordColumns(table: string, qualified = false): string {
  const names =
    table === "events"
      ? EVENT_COLUMNS
      : table === "document_refs"
        ? DOCUMENT_COLUMNS
        : (["id", "record"] as const);
  return qualified ? names.map((c) => `${table}.${c}`).join(", ") : names.join(", ");
}

const EVENT_COLUMNS = [
  "id",
  "declared_id",
  "epcis_type",
  "kind",
  "action",
  "event_time",
  "biz_step",
  "read_point",
  "biz_location",
  "retracted",
  "record",
] as const;
const DOCUMENT_COLUMNS = ["id", "type", "ref", "event_id", "record"] as const;

type Row = Readonly<Record<string, unknown>>;

/** SQLite gives 0/1, PostgreSQL a boolean. */
const truth = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "t";

/** A stored event: the row's columns and its lean record, in the order the mapper builds them. */
export function storedEvent(row: Row): SupplyEvent {
  const lean = decodeRecord<Record<string, unknown>>(row.record);
  const event: Record<string, unknown> = { typeName: "event", id: row.id };
  if (row.declared_id != null) event.declaredId = row.declared_id;
  event.epcisType = row.epcis_type;
  event.kind = row.kind;
  if (row.action != null) event.action = row.action;
  // A time the sender gave in another form stays in the record (see leanEvent) and wins.
  event.eventTime = row.event_time;
  if (row.biz_step != null) event.bizStep = row.biz_step;
  if (row.read_point != null) event.readPoint = row.read_point;
  if (row.biz_location != null) event.bizLocation = row.biz_location;
  Object.assign(event, lean);
  event.retracted = truth(row.retracted);
  return event as unknown as SupplyEvent;
}

/** The stored record of a document reference: only what its columns do not hold. */
export function leanDocumentJson(d: DocumentRef): string {
  const { typeName: _t, id: _i, type: _y, ref: _r, event: _e, ...rest } = d;
  return JSON.stringify(rest);
}

export function storedDocumentRef(row: Row): DocumentRef {
  const lean = decodeRecord<Record<string, unknown>>(row.record);
  const doc: Record<string, unknown> = { typeName: "document-ref", id: row.id, type: row.type, ref: row.ref };
  if (row.event_id != null) doc.event = row.event_id;
  Object.assign(doc, lean);
  return doc as unknown as DocumentRef;
}

/** The record a read returns for one row of `table`. */
export function recordOf<T>(table: string, row: Row): T {
  if (table === "events") return storedEvent(row) as T;
  if (table === "document_refs") return storedDocumentRef(row) as T;
  return decodeRecord<T>(row.record);
}
