import type { Pool, PoolClient } from "pg";
import type { CompositionSql } from "../../app/index.ts";
import { runCompositionSql, type SqlSession } from "../shared/run-composition-sql.ts";
import { guarded } from "../shared/store-error.ts";

const PLACE_BATCH = 5000;

function postgresSession(client: PoolClient): SqlSession {
  return {
    async run(sql) {
      const result = await client.query(sql);
      // Temp tables are never analysed by autovacuum: give the planner real counts after each fill.
      const filled = /^\s*insert into (tp_\w+)/i.exec(sql)?.[1];
      if (filled && (result.rowCount ?? 0) > 1000) await client.query(`analyze ${filled}`);
      return result.rowCount ?? 0;
    },
    async all(sql) {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    },
    async insertPlaces(places) {
      for (let i = 0; i < places.length; i += PLACE_BATCH) {
        const batch = places.slice(i, i + PLACE_BATCH);
        await client.query(
          `insert into tp_place (location, origin_bucket, unknown_bucket)
           select * from unnest($1::text[], $2::int[], $3::int[])`,
          [batch.map((p) => p.location), batch.map((p) => p.origin), batch.map((p) => p.unknown)],
        );
      }
    },
  };
}

/** One pooled connection for the whole run: the working tables are TEMP, private to it. */
export function postgresCompositionSql(pool: Pool): CompositionSql {
  return {
    composeLots: (places, onMix) =>
      guarded("computing composition in SQL", async () => {
        const client = await pool.connect();
        try {
          return await runCompositionSql(postgresSession(client), places, onMix);
        } finally {
          client.release();
        }
      }),
  };
}
