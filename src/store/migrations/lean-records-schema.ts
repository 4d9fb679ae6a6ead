import { type Kysely, type Migration, sql } from "kysely";
import type { StoreDialect } from "./column-types.ts";

// Frozen copies: a migration must keep meaning what it meant when it first ran.
const EVENT_FIELDS = [
  "typeName",
  "id",
  "declaredId",
  "epcisType",
  "kind",
  "action",
  "bizStep",
  "readPoint",
  "bizLocation",
  "retracted",
];
const DOCUMENT_FIELDS = ["typeName", "id", "type", "ref", "event"];

function sqliteRemove(fields: readonly string[]) {
  return sql.join(fields.map((f) => sql.lit(`$.${f}`)));
}

/**
 * Version 8: lean event and document-reference records. The JSON record of an event repeated
 * every field its row already holds as a column (id, declared id, type, kind, action, time, step,
 * read point, location, retracted), and a document reference's record all of its columns; that is
 * ≈ 40 % of what an import writes per event. Reads put the columns back
 * (src/store/shared/stored-records.ts); this rewrites the records already stored. The event time
 * leaves the record only where it equals the `event_time` column (the UTC instant); a time the
 * sender wrote with an offset stays as written.
 */
export function leanRecordsSchema(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === "sqlite") {
        await sql`update events set record = case
            when json_extract(record, '$.eventTime') = event_time
            then json_remove(record, ${sqliteRemove([...EVENT_FIELDS, "eventTime"])})
            else json_remove(record, ${sqliteRemove(EVENT_FIELDS)}) end`.execute(db);
        await sql`update document_refs set record = json_remove(record, ${sqliteRemove(DOCUMENT_FIELDS)})`.execute(
          db,
        );
        return;
      }
      const events = sql.lit(`{${EVENT_FIELDS.join(",")}}`);
      await sql`update events set record = case
          when record->>'eventTime' = event_time then (record::jsonb - ${events}::text[] - 'eventTime')::json
          else (record::jsonb - ${events}::text[])::json end`.execute(db);
      const documents = sql.lit(`{${DOCUMENT_FIELDS.join(",")}}`);
      await sql`update document_refs set record = (record::jsonb - ${documents}::text[])::json`.execute(db);
    },
  };
}
