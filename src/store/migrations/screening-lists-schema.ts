import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type StoreDialect } from "./column-types.ts";

// Frozen copy, not an import: a migration must keep meaning what it meant when it first ran.
const DECISION_STATUSES = ["confirmed", "dismissed"];

function inList(column: string, values: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * Version 3: dated versions of the reference lists with their entries (screening uses the
 * latest), and reviewers' decisions on screening hits, one per hit (subject + list entry).
 */
export function screeningListsSchema(dialect: StoreDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("list_versions")
        .addColumn("version", "integer", (c) => c.primaryKey())
        .addColumn("loaded_at", "text", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("record", t.json, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("list_entries")
        .addColumn("version", "integer", (c) => c.notNull().references("list_versions.version"))
        .addColumn("id", t.id, (c) => c.notNull())
        .addColumn("record", t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint("list_entries_pk", ["version", "id"])
        .execute();
      await db.schema
        .createTable("review_decisions")
        .addColumn("hit_key", t.id, (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull().check(inList("status", DECISION_STATUSES)))
        .addColumn("decided_at", "text", (c) => c.notNull())
        .addColumn("record", t.json, (c) => c.notNull())
        .execute();
    },
  };
}
