import type { Store } from "../app/index.ts";
import { openPostgresStore } from "./postgres/open-postgres-store.ts";
import { openSqliteStore } from "./sqlite/open-sqlite-store.ts";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens the store a user named: a `postgres://` or `postgresql://` URL is a PostgreSQL server,
 * anything else is a SQLite file (created, with its folder, if missing). Either way the schema
 * is migrated to the latest version; failures are `store-unavailable`.
 */
export function openStore(target: string): Promise<Store> {
  return POSTGRES_URL.test(target.trim()) ? openPostgresStore(target.trim()) : openSqliteStore(target);
}
