import type { Migration } from "kysely";
import { accountsAuditSchema } from "./accounts-audit-schema.ts";
import type { StoreDialect } from "./column-types.ts";
import { documentRegistrySchema } from "./document-registry-schema.ts";
import { initialSchema } from "./initial-schema.ts";
import { leanRecordsSchema } from "./lean-records-schema.ts";
import { lotEdgesIndexSchema } from "./lot-edges-index-schema.ts";
import { reviewHistorySchema } from "./review-history-schema.ts";
import { reviewHitIdSchema } from "./review-hit-id-schema.ts";
import { screeningListsSchema } from "./screening-lists-schema.ts";

/**
 * Every schema version, oldest first. Names sort in the order they apply; a released migration
 * is never edited, a change is a new entry.
 */
export function storeMigrations(dialect: StoreDialect): Readonly<Record<string, Migration>> {
  return {
    "0001-initial-schema": initialSchema(dialect),
    "0002-document-registry": documentRegistrySchema(dialect),
    "0003-screening-lists": screeningListsSchema(dialect),
    "0004-accounts-audit": accountsAuditSchema(dialect),
    "0005-lot-edges-index": lotEdgesIndexSchema(),
    "0006-review-decision-history": reviewHistorySchema(dialect),
    "0007-review-hit-ids": reviewHitIdSchema(),
    "0008-lean-event-records": leanRecordsSchema(dialect),
  };
}
