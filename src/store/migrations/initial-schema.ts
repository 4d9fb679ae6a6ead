import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from "kysely";
import { type ColumnTypes, columnTypes, type StoreDialect } from "./column-types.ts";

// Frozen copies, not imports: a migration must keep meaning what it meant when it first ran.
const EVENT_KINDS = [
  "origin",
  "transform",
  "ship",
  "receive",
  "aggregate",
  "disaggregate",
  "destroy",
  "observe",
];
const EDGE_ROLES = ["input", "output", "quantity", "epc", "input-epc", "output-epc", "parent"];

function inList(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

function generatedKey(t: ColumnTypes) {
  return (c: ColumnDefinitionBuilder) =>
    t.key === "bigint" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey();
}

async function createRecordTables(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("parties")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("record", t.json, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("locations")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("country", "text")
    .addColumn("operator", "text")
    .addColumn("record", t.json, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("links")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_id", "text", (c) => c.notNull())
    .addColumn("to_id", "text", (c) => c.notNull())
    .addColumn("record", t.json, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("document_refs")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("event_id", "text")
    .addColumn("record", t.json, (c) => c.notNull())
    .execute();
}

/** Lots and events carry integer keys: they are the nodes and edges the tracer loads into arrays. */
async function createGraphTables(db: Kysely<unknown>, t: ColumnTypes, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable("lots")
    .addColumn("key", t.key, generatedKey(t))
    .addColumn("id", t.id, (c) => c.notNull().unique())
    // NULL while the lot is only referenced by events and has no master data of its own.
    .addColumn("record", t.json)
    .execute();
  await db.schema
    .createTable("events")
    .addColumn("key", t.key, generatedKey(t))
    .addColumn("id", t.id, (c) => c.notNull().unique())
    .addColumn("declared_id", "text")
    .addColumn("epcis_type", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("action", "text")
    .addColumn("event_time", "text", (c) => c.notNull())
    .addColumn("biz_step", "text")
    .addColumn("read_point", "text")
    .addColumn("biz_location", "text")
    .addColumn("retracted", t.bool, (c) => c.notNull())
    .addColumn("record", t.json, (c) => c.notNull())
    .addCheckConstraint("events_kind_check", inList("kind", EVENT_KINDS))
    .execute();
  const edges = db.schema
    .createTable("event_lots")
    .addColumn("event_key", t.keyRef, (c) => c.notNull().references("events.key"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("lot_key", t.keyRef, (c) => c.notNull().references("lots.key"))
    .addColumn("quantity", t.float)
    .addColumn("uom", "text")
    .addColumn("kg", t.float)
    .addPrimaryKeyConstraint("event_lots_pk", ["event_key", "role", "position"])
    .addCheckConstraint("event_lots_role_check", inList("role", EDGE_ROLES));
  // Clustered on (event, role, position): building CSR arrays is one sequential scan.
  await (dialect === "sqlite" ? edges.modifyEnd(sql`without rowid`) : edges).execute();
}

async function createImportLog(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("imports")
    .addColumn("id", t.key, generatedKey(t))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text", (c) => c.notNull())
    .addColumn("added", t.json, (c) => c.notNull())
    .addColumn("skipped_issues", "integer", (c) => c.notNull())
    .execute();
}

/**
 * Only what a read uses (stats by kind and country, retraction matching by declared id), plus the
 * small link tables. Every other index cost a B-tree insert per row (or per edge) on the import path
 * with no query behind it; a query that needs one adds it in a new migration.
 */
const INDEXES: readonly (readonly [table: string, column: string])[] = [
  ["events", "kind"],
  ["events", "declared_id"],
  ["locations", "country"],
  ["links", "from_id"],
  ["links", "to_id"],
];

/** Version 1: every record table, the event–lot edge table and the import log. */
export function initialSchema(dialect: StoreDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await createRecordTables(db, t);
      await createGraphTables(db, t, dialect);
      await createImportLog(db, t);
      for (const [table, column] of INDEXES) {
        await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
      }
      // Partial: retracted events are few, so the index stays small and costs ordinary inserts nothing.
      await db.schema
        .createIndex("events_retracted_idx")
        .on("events")
        .column("key")
        .where(sql<boolean>`retracted`)
        .execute();
    },
  };
}
