import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from "kysely";
import { columnTypes, type StoreDialect } from "./column-types.ts";

/**
 * Version 6: every review decision, kept. `review_decisions` holds the current decision per hit
 * (what screening reads); a re-decision replaced it there and the earlier one was gone except in
 * the audit trail. The history gets every decision in the order made, by subject and list entry,
 * so `review history` can say who decided what and which decision superseded which. The current
 * decisions are copied in so the history starts complete.
 */
export function reviewHistorySchema(dialect: StoreDialect): Migration {
  const t = columnTypes(dialect);
  const seq = (c: ColumnDefinitionBuilder) =>
    t.key === "bigint" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey();
  const field = (path: "kind" | "id") =>
    dialect === "postgres"
      ? sql.raw(`record->'subject'->>'${path}'`)
      : sql.raw(`json_extract(record, '$.subject.${path}')`);
  const entryId =
    dialect === "postgres" ? sql.raw("record->>'entryId'") : sql.raw("json_extract(record, '$.entryId')");
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("review_decision_history")
        .addColumn("seq", t.key, seq)
        .addColumn("hit_key", t.id, (c) => c.notNull())
        .addColumn("subject_kind", "text", (c) => c.notNull())
        .addColumn("subject_id", t.id, (c) => c.notNull())
        .addColumn("entry_id", t.id, (c) => c.notNull())
        .addColumn("decided_at", "text", (c) => c.notNull())
        .addColumn("record", t.json, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("review_decision_history_hit_idx")
        .on("review_decision_history")
        .column("hit_key")
        .execute();
      await db.schema
        .createIndex("review_decision_history_subject_idx")
        .on("review_decision_history")
        .columns(["subject_id", "subject_kind"])
        .execute();
      await db.schema
        .createIndex("review_decision_history_entry_idx")
        .on("review_decision_history")
        .column("entry_id")
        .execute();
      await sql`insert into review_decision_history
          (hit_key, subject_kind, subject_id, entry_id, decided_at, record)
        select hit_key, ${field("kind")}, ${field("id")}, ${entryId}, decided_at, record
        from review_decisions order by decided_at, hit_key`.execute(db);
    },
  };
}
