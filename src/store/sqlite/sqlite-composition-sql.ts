import type { Database } from "better-sqlite3";
import type { CompositionSql } from "../../app/index.ts";
import { runCompositionSql, type SqlSession } from "../shared/run-composition-sql.ts";
import { guarded } from "../shared/store-error.ts";

/** Working tables can grow to a few hundred MB on a million events; keep them off the disk when they fit. */
const TEMP_CACHE_KIB = 512 * 1024;

function sqliteSession(db: Database): SqlSession {
  return {
    async run(sql) {
      return db.prepare(sql).run().changes;
    },
    async all(sql) {
      return db.prepare(sql).all() as Record<string, unknown>[];
    },
    async insertPlaces(places) {
      const insert = db.prepare(
        "insert into tp_place (location, origin_bucket, unknown_bucket) values (?, ?, ?)",
      );
      db.transaction(() => {
        for (const p of places) insert.run(p.location, p.origin, p.unknown);
      })();
    },
  };
}

/**
 * The SQL composition on the read-only connection: it sees committed data only, and TEMP tables
 * are allowed on a read-only database (they live in the connection's own temp schema).
 */
export function sqliteCompositionSql(db: Database): CompositionSql {
  return {
    composeLots: (places, onMix) =>
      guarded("computing composition in SQL", () => {
        db.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`);
        return runCompositionSql(sqliteSession(db), places, onMix);
      }),
  };
}
