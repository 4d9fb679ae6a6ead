import { type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type StoreDialect } from "./column-types.ts";

// Frozen copy, not an import: a migration must keep meaning what it meant when it first ran.
const ROLES = ["admin", "analyst", "viewer", "supplier"];

function inList(column: string, values: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * Version 4: accounts (users with a role, suppliers bound to a party), browser sessions and API
 * tokens (secrets stored as SHA-256 only), and the audit log: one hash-chained record per write.
 */
export function accountsAuditSchema(dialect: StoreDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("users")
        .addColumn("id", t.id, (c) => c.primaryKey())
        .addColumn("username", t.id, (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull().check(inList("role", ROLES)))
        .addColumn("party_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("disabled_at", "text")
        .addCheckConstraint("users_party_check", sql<boolean>`(role = 'supplier') = (party_id is not null)`)
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", t.id, (c) => c.primaryKey())
        .addColumn("user_id", t.id, (c) => c.notNull().references("users.id"))
        .addColumn("csrf_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", t.id, (c) => c.primaryKey())
        .addColumn("token_hash", t.id, (c) => c.notNull().unique())
        .addColumn("user_id", t.id, (c) => c.notNull().references("users.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("scopes", t.json, (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "bigint", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", t.json, (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("before_hash", "text")
        .addColumn("after_hash", "text")
        .addColumn("detail", t.json, (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();
    },
  };
}
