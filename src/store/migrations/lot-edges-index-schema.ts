import type { Kysely, Migration } from "kysely";

/**
 * Version 5: the event–lot edges indexed by lot. Version 1 keyed them by event only (what the
 * tracer's full load needs), so "the events of one lot" — a lot's page, `GET /api/events?lot=`,
 * a supplier's scope — read the whole edge table; on a million-event store that is a full scan
 * per request. The index costs one more B-tree entry per edge on import.
 */
export function lotEdgesIndexSchema(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex("event_lots_lot_key_idx").on("event_lots").column("lot_key").execute();
    },
  };
}
