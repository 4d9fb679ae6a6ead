import type { Kysely, Migration } from "kysely";
import { columnTypes, type StoreDialect } from "./column-types.ts";

/**
 * Version 2: the document registry. Records and links on both dialects; the bytes live in a
 * table on PostgreSQL (one database to back up) and, for the embedded store, in a
 * content-addressed folder beside the database file, which keeps the SQLite file small.
 */
export function documentRegistrySchema(dialect: StoreDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("registry_documents")
        .addColumn("sha256", t.id, (c) => c.primaryKey())
        .addColumn("category", "text", (c) => c.notNull())
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("media_type", "text", (c) => c.notNull())
        .addColumn("size", "bigint", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("document_date", "text")
        .addColumn("added_at", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .execute();
      await db.schema
        .createTable("registry_links")
        .addColumn("sha256", t.id, (c) => c.notNull().references("registry_documents.sha256"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("ref", t.id, (c) => c.notNull())
        .addPrimaryKeyConstraint("registry_links_pk", ["sha256", "kind", "ref"])
        .execute();
      // `docs list --ref` and the package look documents up by what they link to.
      await db.schema.createIndex("registry_links_ref_idx").on("registry_links").column("ref").execute();
      if (dialect !== "postgres") return;
      await db.schema
        .createTable("registry_contents")
        .addColumn("sha256", t.id, (c) => c.primaryKey().references("registry_documents.sha256"))
        .addColumn("bytes", "bytea", (c) => c.notNull())
        .execute();
    },
  };
}
