import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { hitIdOf, type ReviewDecision } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { reviewHitIdSchema } from "../../src/store/migrations/review-hit-id-schema.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-hit-ids-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "hitids");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

const decision: ReviewDecision = {
  hitKey: "party:party:p1|uflpa:x",
  subject: { kind: "party", id: "party:p1" },
  entryId: "uflpa:x",
  fingerprint: "f1",
  status: "dismissed",
  reason: "different company",
  user: "ann",
  decidedAt: "2026-11-28T05:40:00.000Z",
};
const LOOKUP = "select hit_key from review_decisions where hit_id = 'hit-000000000000'";

/** Opens the store, which migrates it, and reads the decision back by its short id. */
async function byShortId(url: string): Promise<readonly ReviewDecision[]> {
  const store = await openStore(url);
  try {
    return await store.decisionHistory({ hit: hitIdOf(decision.hitKey) });
  } finally {
    await store.close();
  }
}

async function storeWithDecision(url: string): Promise<void> {
  const store = await openStore(url);
  await store.saveDecision(decision);
  await store.close();
}

/** Runs version 7 again on a store whose decisions were made before it (later versions stay applied). */
async function upgrade(db: Kysely<unknown>): Promise<void> {
  try {
    await reviewHitIdSchema().up(db);
  } finally {
    await db.destroy();
  }
}

// The store as it was before version 7: decisions made, no short ids. The migration fills them in.
describe("decided hits are found by short id through an index (migration 0007)", () => {
  it("SQLite: fills in the ids of earlier decisions and plans the lookup on the index", async () => {
    const file = join(dir, "hits.db");
    await storeWithDecision(file);
    const db = new Database(file);
    db.exec("drop index review_decisions_hit_id_idx; alter table review_decisions drop column hit_id");
    await upgrade(new Kysely({ dialect: new SqliteDialect({ database: db }) }));
    expect(await byShortId(file)).toEqual([decision]);
    const check = new Database(file, { readonly: true });
    try {
      const plan = (check.prepare(`explain query plan ${LOOKUP}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join("\n");
      expect(plan).toMatch(/USING (COVERING )?INDEX review_decisions_hit_id_idx/);
    } finally {
      check.close();
    }
  });

  it.skipIf(!adminUrl)(
    "PostgreSQL: fills in the ids of earlier decisions and can plan the lookup on the index",
    async () => {
      const url = await databases.create();
      await storeWithDecision(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("alter table review_decisions drop column hit_id");
        await upgrade(
          new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) }),
        );
        expect(await byShortId(url)).toEqual([decision]);
        // A handful of rows is cheaper to scan; forbidding scans shows the index serves the lookup.
        await client.query("set enable_seqscan = off");
        const { rows } = await client.query<Record<string, string>>(`explain ${LOOKUP}`);
        expect(rows.map((r) => Object.values(r)[0]).join("\n")).toMatch(/review_decisions_hit_id_idx/);
      } finally {
        await client.end();
      }
    },
  );
});
