import { type Kysely, Migrator } from "kysely";
import { AppError } from "../../app/index.ts";
import type { StoreDialect } from "./column-types.ts";
import { storeMigrations } from "./store-migrations.ts";

/** Brings a store's schema to the latest version; a store we cannot migrate is unavailable. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations = storeMigrations(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  const what = failed ? `migration ${failed} failed` : "the schema could not be migrated";
  throw new AppError("store-unavailable", `${what}: ${describeCause(error)}`, { cause: error });
}

function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
