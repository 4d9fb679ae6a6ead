import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-health-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "health");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

describe("GET /api/health", () => {
  it("answers 200 without signing in on the embedded store, and shows no data", async () => {
    const store = await openStore(join(dir, "health.db"));
    try {
      const r = await createApp({ store }).request("/api/health");
      expect(r.status).toBe(200);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: "ok", store: "sqlite" });
      expect(Object.keys(body).sort()).toEqual(["checkedAt", "graph", "status", "store"]);
      expect(["building", "ready"]).toContain(body.graph);
      expect(Number.isNaN(Date.parse(String(body.checkedAt)))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!adminUrl)(
    "answers 200 on PostgreSQL, and 503 store-unavailable once its database is gone",
    async () => {
      const url = await databases.create();
      const store = await openStore(url);
      const app = createApp({ store });
      try {
        const ok = await app.request("/api/health");
        expect(ok.status).toBe(200);
        expect(await ok.json()).toMatchObject({ status: "ok", store: "postgres" });
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        try {
          await admin.query(`drop database ${new URL(url).pathname.slice(1)} with (force)`);
        } finally {
          await admin.end();
        }
        const down = await app.request("/api/health");
        expect(down.status).toBe(503);
        expect(((await down.json()) as { error: { code: string } }).error.code).toBe("store-unavailable");
      } finally {
        await store.close().catch(() => undefined);
      }
    },
  );
});
