import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceFromModel,
  createReadModel,
  decidePair,
  overview,
  type Store,
  type TraceResult,
  traceFromModel,
  verdictCounts,
} from "../../src/app/index.ts";
import { loadBundledLists } from "../../src/ingest/index.ts";
import type { LocationId } from "../../src/model/index.ts";
import { createApp, createTraceWorker, type ServerApp, type TraceService } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { seedSample } from "./api-fixture.ts";
import { createPrincipals } from "./principals.ts";

const FARM = "urn:epc:id:pgln:0800009.00000";
const SHIPMENT = "BOL-MAEU-7906";

/** JSON as it goes over the wire (drops undefined, turns readonly into plain). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// `/api/shipments`, `/api/balance` and `/api/stats` are answered where the trace graph is: under
// `serve` in the trace worker (one copy of the graph per server). The answers must be the ones the
// request thread computed before, from its own read model.
describe("graph views through the trace worker", () => {
  let dir: string;
  let store: Store;
  let traces: TraceService;
  let viaWorker: ServerApp;
  let bearer: Readonly<Record<string, string>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "threadproof-graph-views-"));
    const path = join(dir, "store.db");
    store = await openStore(path);
    await seedSample(store);
    bearer = (await createPrincipals(store, { supplierParty: FARM })).viewer.bearer;
    traces = createTraceWorker(path);
    viaWorker = createApp({ store, traces });
    // The worker boots (tsx from the sources) and builds its graph: answers come once it is ready.
    const end = Date.now() + 60_000;
    while (traces.state() !== "ready") {
      if (Date.now() > end) throw new Error(`trace worker not ready: ${traces.state()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 70_000);

  afterAll(async () => {
    await traces?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function get(path: string): Promise<unknown> {
    const response = await viaWorker.request(path, { headers: bearer });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    return response.json();
  }

  it("answers shipments, balance, stats and traces exactly as the request thread computed them", async () => {
    // The reference: the app-layer functions the routes called in the request thread.
    const model = createReadModel(store);
    const all = await model.assessments();
    const atRisk = all.filter((a) => a.verdict !== "admissible");
    const monthly = await balanceFromModel(model, "month");

    expect(await get("/api/shipments")).toEqual(asJson({ items: all, counts: verdictCounts(all) }));
    expect(all.length).toBeGreaterThan(0);
    expect(await get("/api/shipments?atRisk=true")).toEqual(
      asJson({ items: atRisk, counts: verdictCounts(all) }),
    );
    expect(await get("/api/shipments?verdict=inadmissible")).toEqual(
      asJson({ items: all.filter((a) => a.verdict === "inadmissible"), counts: verdictCounts(all) }),
    );
    expect(await get("/api/balance?period=month")).toEqual(asJson({ locations: monthly.locations }));
    const exceeded = (await balanceFromModel(model)).locations.filter((l) => l.status === "exceeded");
    expect(exceeded.length).toBeGreaterThan(0);
    expect(await get("/api/balance?status=exceeded")).toEqual(asJson({ locations: exceeded }));
    expect(await get("/api/stats")).toEqual(asJson(await overview(store, model)));
    expect(await get(`/api/lots/${SHIPMENT}/trace?direction=up`)).toEqual(
      asJson(await traceFromModel(model, SHIPMENT, "up")),
    );
    // A repeated trace comes from the worker's cache of answers: the same text.
    expect(await get(`/api/lots/${SHIPMENT}/trace?direction=up`)).toEqual(
      asJson(await traceFromModel(model, SHIPMENT, "up")),
    );
  });

  it("keeps the route's errors: an unknown lot is 404 not-found", async () => {
    const response = await viaWorker.request("/api/lots/no-such-lot/trace", { headers: bearer });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not-found" } });
  });

  it("answers a trace asked again from the server thread's copy of the worker's text, until new data", async () => {
    const up = { kind: "trace", lot: SHIPMENT, direction: "up" } as const;
    const down = { kind: "trace", lot: SHIPMENT, direction: "down" } as const;
    const before = traces.counts?.() ?? { asked: 0, kept: 0 };
    const first = await traces.view(down);
    expect(traces.counts?.()).toEqual({ asked: before.asked + 1, kept: before.kept });
    expect(await traces.view(down)).toBe(first);
    expect(traces.counts?.()).toEqual({ asked: before.asked + 2, kept: before.kept + 1 });
    const kept = await traces.view(up);

    // A decision another connection makes (the listed entity in the trace dismissed): the worker
    // notices it (its poll), announces the rebuild, and the copies go; the trace then shows it.
    const listed = (JSON.parse(kept) as TraceResult & { direction: "up" }).listedEntities[0];
    if (!listed) throw new Error("the sample shipment lost its listed entity");
    const entry = loadBundledLists().entries.find((e) => listed.listEntry.endsWith(`: ${e.name}`));
    if (!entry) throw new Error(`no bundled entry for ${listed.listEntry}`);
    const operator = (await store.getLocation(listed.location as LocationId))?.operator;
    const subjects = [
      { kind: "location" as const, id: listed.location },
      ...(operator === undefined ? [] : [{ kind: "party" as const, id: operator as string }]),
    ];
    const other = await openStore(store.location);
    try {
      for (const subject of subjects)
        await decidePair(other, {
          status: "dismissed",
          reason: "graph views test",
          user: "alice",
          subject,
          entryId: entry.id,
        });
    } finally {
      await other.close();
    }
    const fresh = JSON.stringify(await traceFromModel(createReadModel(store), SHIPMENT, "up"));
    expect(fresh).not.toBe(kept);
    const end = Date.now() + 30_000;
    // While the worker rebuilds, a trace is 503 not-ready; then the new answer.
    const now = () => traces.view(up).catch((e: { code?: string }) => e.code ?? "failed");
    while ((await now()) !== fresh) {
      if (Date.now() > end) throw new Error("the trace never showed the decision");
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
