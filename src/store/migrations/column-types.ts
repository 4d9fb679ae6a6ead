import { type Expression, sql } from "kysely";

export type StoreDialect = "sqlite" | "postgres";

/**
 * The few column types that differ between the dialects; everything else is spelled the same.
 * Record ids sort bytewise on both (`collate "C"` on PostgreSQL, SQLite's default BINARY) so
 * listings come out in the same order whichever adapter is used.
 */
export interface ColumnTypes {
  /** A string record id (EPC URN, `lot:…`, event hash). */
  readonly id: Expression<unknown>;
  /** An integer surrogate key generated on insert (graph nodes: events and lots, and the import log). */
  readonly key: "integer" | "bigint";
  /** A column referring to a `key`. */
  readonly keyRef: "integer" | "bigint";
  /** The full record, kept verbatim so it round-trips exactly. */
  readonly json: "text" | "json";
  readonly bool: "integer" | "boolean";
  readonly float: "real" | "double precision";
}

export function columnTypes(dialect: StoreDialect): ColumnTypes {
  return dialect === "postgres"
    ? {
        id: sql`text collate "C"`,
        key: "bigint",
        keyRef: "bigint",
        json: "json",
        bool: "boolean",
        float: "double precision",
      }
    : { id: sql`text`, key: "integer", keyRef: "integer", json: "text", bool: "integer", float: "real" };
}
