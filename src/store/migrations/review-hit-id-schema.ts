import { type Kysely, type Migration, sql } from "kysely";
import { hitIdOf } from "../../app/index.ts";

/**
 * Version 7: each decided hit's short id (`hit-…`, a hash of its key) stored and indexed beside
 * the key. `GET /api/hits/{hit-…}/decisions` and the web review queue name a hit by that id; with
 * no column for it, finding its key meant reading and hashing every decision in the store. The
 * ids of the decisions already made are filled in here.
 */
export function reviewHitIdSchema(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("review_decisions").addColumn("hit_id", "text").execute();
      // Not unique: two keys sharing 48 bits of hash would both be found, never one lost.
      await db.schema
        .createIndex("review_decisions_hit_id_idx")
        .on("review_decisions")
        .column("hit_id")
        .execute();
      const { rows } = await sql<{ hit_key: string }>`select hit_key from review_decisions`.execute(db);
      for (const { hit_key } of rows)
        await sql`update review_decisions set hit_id = ${hitIdOf(hit_key)} where hit_key = ${hit_key}`.execute(
          db,
        );
    },
  };
}
