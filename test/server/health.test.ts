import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/server/index.ts";
import { storeTargets } from "../setup/store-targets.ts";

const TARGETS = storeTargets("health");

describe.each(TARGETS)("GET /api/health on $kind", (target) => {
  it.skipIf(target.skip)("answers 200 without signing in, and shows no data", async () => {
    const store = await target.open();
    try {
      const r = await createApp({ store }).request("/api/health");
      expect(r.status).toBe(200);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: "ok", store: store.kind });
      expect(Object.keys(body).sort()).toEqual(["checkedAt", "graph", "status", "store"]);
      expect(["building", "ready"]).toContain(body.graph);
      expect(Number.isNaN(Date.parse(String(body.checkedAt)))).toBe(false);
    } finally {
      await store.close();
    }
  });
});

const postgres = TARGETS.find((t) => t.kind.startsWith("postgres"));

describe.skipIf(!postgres || postgres.skip)("GET /api/health when the PostgreSQL database is gone", () => {
  it("answers 503 store-unavailable", async () => {
    const store = await (postgres as (typeof TARGETS)[number]).open();
    const app = createApp({ store });
    try {
      expect((await app.request("/api/health")).status).toBe(200);
      const admin = new pg.Client({ connectionString: inject("pgUrl") });
      await admin.connect();
      try {
        // The store's location is its URL without the password: its path names the database.
        await admin.query(`drop database ${new URL(store.location).pathname.slice(1)} with (force)`);
      } finally {
        await admin.end();
      }
      const down = await app.request("/api/health");
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe("store-unavailable");
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
