import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { decidePair, type Store } from "../../src/app/index.ts";
import { createApp, createTraceWorker, type ServerApp, type TraceService } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";
import { seedSample } from "./api-fixture.ts";
import { createPrincipals } from "./principals.ts";

// The trace graph of a large store takes minutes to build. Here a real lock on the events table
// holds the build (its read of the events waits), as a slow build would, without faking anything.
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "trace_ready");
const SHIPMENT = "BOL-MAEU-7906";
const FARM = "urn:epc:id:pgln:0800009.00000";

afterAll(async () => {
  await databases.dropAll();
});

/** Holds an ACCESS EXCLUSIVE lock on `events` until the returned function releases it. */
async function lockEvents(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("begin");
  await client.query("lock table events in access exclusive mode");
  return async () => {
    await client.query("rollback");
    await client.end();
  };
}

async function graphOf(app: ServerApp): Promise<string> {
  return ((await (await app.request("/api/health")).json()) as { graph: string }).graph;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!adminUrl)("trace graph readiness", () => {
  let url: string;
  let store: Store;
  let app: ServerApp;
  let bearer: Readonly<Record<string, string>>;

  /**
   * Writes new data (a review decision) while the events are held, waits until the worker announces
   * its rebuild, runs `during`, then releases the events.
   */
  async function whileRebuilding<T>(
    worker: TraceService,
    status: "dismissed" | "confirmed",
    during: () => Promise<T>,
  ): Promise<T> {
    const held = await lockEvents(url);
    try {
      await decidePair(store, {
        status,
        reason: `readiness test (${status})`,
        user: "alice",
        subject: { kind: "party", id: FARM },
        entryId: "uflpa:aksu-huafu-color-spinning-co-ltd",
      });
      await until(`rebuild announced (${status})`, () => worker.state() === "building", 10_000);
      return await during();
    } finally {
      await held();
    }
  }

  it("health says building and a trace answers 503 not-ready at once while the graph is built; both are ready after", async () => {
    url = await databases.create();
    store = await openStore(url);
    await seedSample(store);
    bearer = (await createPrincipals(store, { supplierParty: FARM })).analyst.bearer;
    const release = await lockEvents(url);
    app = createApp({ store });
    try {
      const health = () => graphOf(app);
      expect(await health()).toBe("building");
      await new Promise((r) => setTimeout(r, 300));
      expect(await health()).toBe("building");
      const started = Date.now();
      const early = await app.request(`/api/lots/${SHIPMENT}/trace`, { headers: bearer });
      // Without the readiness check this request would wait for the lock (the test's timeout, 60 s);
      // with it, the 2 s bound plus the request itself, which takes seconds on a loaded machine.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(early.status).toBe(503);
      expect(early.headers.get("retry-after")).toBe("5");
      const body = (await early.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not-ready");
      expect(body.error.message).toMatch(/trace graph is being built/);
    } finally {
      await release();
    }
    await until("graph ready", async () => (await graphOf(app)) === "ready");
    const late = await app.request(`/api/lots/${SHIPMENT}/trace`, { headers: bearer });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ direction: "up", listedEntityInChain: true });
  });

  it("the serve command's worker builds the graph off the event loop: not-ready while it builds, then the same trace", async () => {
    const release = await lockEvents(url);
    let traces: TraceService | undefined;
    try {
      traces = createTraceWorker(url, { waitMs: 500 });
      const worker = traces;
      // The worker's first look at the graph waits on the lock: after waitMs it counts as building.
      await new Promise((r) => setTimeout(r, 800));
      expect(worker.state()).toBe("building");
      const started = Date.now();
      await expect(worker.trace(SHIPMENT, "up")).rejects.toMatchObject({ code: "not-ready" });
      expect(Date.now() - started).toBeLessThan(1000);
      await release();
      await until("worker graph ready", () => worker.state() === "ready");
      const viaWorker = await worker.trace(SHIPMENT, "up");
      const inThread = await (await app.request(`/api/lots/${SHIPMENT}/trace`, { headers: bearer })).json();
      expect(JSON.parse(JSON.stringify(viaWorker))).toEqual(inThread);
      await expect(worker.trace("no-such-lot", "up")).rejects.toMatchObject({ code: "not-found" });

      // New data (a review decision) while the events are held: the worker announces its rebuild,
      // so health says building and a trace fails fast, where a slow answer alone says neither.
      await whileRebuilding(worker, "dismissed", () =>
        expect(worker.trace(SHIPMENT, "up")).rejects.toMatchObject({ code: "not-ready" }),
      );
      await until("worker graph rebuilt", () => worker.state() === "ready");
      expect(JSON.parse(JSON.stringify(await worker.trace(SHIPMENT, "up")))).toEqual(inThread);

      // A view asked within waitMs of a rebuild's start (a client reading the dashboard right after
      // its import succeeded) waits for the rebuild instead of a 503: a small store's is quick.
      const { stats } = await whileRebuilding(worker, "confirmed", async () => {
        const asked = worker.view({ kind: "stats" });
        // Handled here so a rejection during the pause is not reported as unhandled; awaited below.
        asked.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 200));
        // Wrapped: returning the promise itself would wait for it before the lock is released.
        return { stats: asked };
      });
      const overview = JSON.parse(await stats) as { counts: { events: number } };
      expect(overview.counts.events).toBeGreaterThan(0);
      expect(worker.state()).toBe("ready");
    } finally {
      await release().catch(() => undefined);
      await traces?.close();
      await store.close();
    }
  });
});
