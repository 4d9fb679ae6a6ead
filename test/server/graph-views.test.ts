import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceFromModel,
  createReadModel,
  overview,
  type Store,
  traceFromModel,
  verdictCounts,
} from "../../src/app/index.ts";
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
});
