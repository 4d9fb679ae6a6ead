import { execFile } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceInStore,
  balanceSharded,
  balanceWithContext,
  composeLots,
  composeLotsSharded,
  generateChain,
  importFile,
  type LocationBalance,
  type LotComposition,
  loadShards,
  loadTraceContext,
  type MassBalance,
  type ShardCluster,
  type ShardTrace,
  ShardUnavailableError,
  type Store,
  type TraceContext,
  traceLotSharded,
  traceWithContext,
} from "../../src/app/index.ts";
import { openLocalFile } from "../../src/cli/read-file.ts";
import { openStore } from "../../src/store/index.ts";
import { openShardCluster, shardOfNode } from "../../src/store/sharded/index.ts";
import { CLI_ENTRY, ROOT, runCli, tempDir } from "../e2e/run-cli.ts";
import { type ShardClusters, shardSkipReason, startShardClusters } from "../setup/shard-clusters.ts";
import { storeGraph } from "./store-graph.ts";

/**
 * Sharded mode on a coordinator and 3 shard clusters (4 postmasters on loopback ports): the
 * composition of every lot equals the single-node engines' on the bundled sample and a generated
 * chain with a cycle added; one lot's trace gives the same shares and listed entities; the mass
 * balance gives the same sums and statuses; a second store of about 1 M lot → lot edges (imported
 * from a generated EPCIS document, COPY-loaded from the store) gives the same composition, traces
 * and balance as the single-node engines; the step query's plan ships each shard's join and GROUP
 * BY to the shard; a shard killed mid-run is named and leaves the coordinator's result alone.
 *
 * Tolerance: 1e-9 on every share (the shards add partial sums in another order than one node does).
 */
const TOLERANCE = 1e-9;
// About 1 M edges, as the issue asks (5 M runs in `npm run bench:scale`).
// THREADPROOF_SHARD_TEST_EDGES=100000 gives a quick local run.
const LARGE_EDGES = Number(process.env.THREADPROOF_SHARD_TEST_EDGES ?? 1_000_000);
const skip = shardSkipReason();
const required = process.env.THREADPROOF_REQUIRE_PG === "1";
if (skip && required) throw new Error(`THREADPROOF_REQUIRE_PG=1 but ${skip}`);
const dir = tempDir("threadproof-shard-");

const lot = (name: string) => `urn:epc:class:lgtin:0614141.012345.${name}`;
const quantity = (name: string, kg: number) => ({ epcClass: lot(name), quantity: kg, uom: "KGM" });
const transformation = (at: string, inputs: object[], outputs: object[]) => ({
  type: "TransformationEvent",
  eventTime: at,
  eventTimeZoneOffset: "+00:00",
  bizStep: "commissioning",
  bizLocation: { id: "urn:epc:id:sgln:0614141.00009.0" },
  inputQuantityList: inputs,
  outputQuantityList: outputs,
});

/** Bad data with a cycle (C1 made from C2, C2 from C1), as in the single-node twin's test. */
const CYCLE_DOCUMENT = {
  "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-01-05T00:00:00.000Z",
  epcisBody: {
    eventList: [
      {
        type: "ObjectEvent",
        eventTime: "2023-01-01T00:00:00.000Z",
        eventTimeZoneOffset: "+00:00",
        action: "ADD",
        bizStep: "commissioning",
        bizLocation: { id: "urn:epc:id:sgln:9300017.00001.0" },
        quantityList: [quantity("CYC-A", 100), quantity("CYC-B", 40)],
      },
      transformation(
        "2023-02-01T00:00:00.000Z",
        [quantity("CYC-A", 100), quantity("CYC-2", 50)],
        [quantity("CYC-1", 120), quantity("CYC-3", 30)],
      ),
      transformation("2023-02-02T00:00:00.000Z", [quantity("CYC-1", 60)], [quantity("CYC-2", 50)]),
      transformation(
        "2023-02-03T00:00:00.000Z",
        [quantity("CYC-1", 60), quantity("CYC-B", 40)],
        [quantity("CYC-D", 90)],
      ),
    ],
  },
};

/** `runCli` without blocking this process, so independent commands run at the same time. */
function runCliAsync(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI_ENTRY, ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, THREADPROOF_DB: "", ...env },
        maxBuffer: 256 << 20,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : undefined;
        if (code === undefined) reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}

async function importPath(store: Store, path: string): Promise<void> {
  await importFile(store, await openLocalFile(path), {});
}

async function importGenerated(store: Store, events: number, seed: number): Promise<void> {
  for (const file of generateChain({ events, seed }).files) {
    if (file.name === "ground-truth.json") continue;
    const path = join(dir, `gen-${seed}-${file.name}`);
    const out = createWriteStream(path);
    for (const chunk of file.chunks) out.write(chunk);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await importPath(store, path);
  }
}

function largestDifference(
  expected: ReadonlyMap<string, LotComposition>,
  actual: ReadonlyMap<string, LotComposition>,
): { diff: number; where: string } {
  let worst = { diff: 0, where: "" };
  const note = (diff: number, where: string) => {
    if (!(diff <= worst.diff)) worst = { diff: Number.isNaN(diff) ? Infinity : diff, where };
  };
  for (const [id, m] of expected) {
    const s = actual.get(id);
    if (!s) {
      note(Infinity, `${id} missing from the sharded result`);
      continue;
    }
    for (const k of [
      "xinjiangShare",
      "unknownShare",
      "expectedXinjiangShare",
      "worstCaseXinjiangShare",
    ] as const)
      note(Math.abs(m[k] - s[k]), `${id} ${k}`);
    for (const key of new Set([...Object.keys(m.buckets), ...Object.keys(s.buckets)]))
      note(Math.abs((m.buckets[key] ?? 0) - (s.buckets[key] ?? 0)), `${id} bucket ${key}`);
  }
  return worst;
}

async function byLot<S>(run: (onLot: (l: LotComposition) => void) => Promise<S>) {
  const lots = new Map<string, LotComposition>();
  const summary = await run((l) => {
    expect(lots.has(l.lot), `${l.lot} reported twice`).toBe(false);
    lots.set(l.lot, l);
  });
  return { lots, summary };
}

describe.skipIf(skip !== undefined)(skip ? `sharded mode (skipped: ${skip})` : "sharded mode", () => {
  let clusters: ShardClusters;
  let store: Store;
  let cluster: ShardCluster;
  let memory: Map<string, LotComposition>;
  let memoryCycleLots: string[];
  let storeUrl: string;
  /** The second store: about LARGE_EDGES lot → lot edges, its own coordinator database. */
  let large: Store;
  let largeUrl: string;
  let largeFinalLots: readonly string[];
  let largeEdges: number;

  async function fillSmall(): Promise<void> {
    for (const name of ["facilities.csv", "movements.csv", "chain.epcis.jsonld"])
      await importPath(store, join(ROOT, "sample", name));
    await importGenerated(store, 2500, 11);
    const cyclePath = join(dir, "cycle.jsonld");
    await writeFile(cyclePath, JSON.stringify(CYCLE_DOCUMENT));
    await importPath(store, cyclePath);
  }

  async function fillLarge(): Promise<void> {
    await importPath(large, join(ROOT, "sample", "facilities.csv"));
    const places = [];
    for await (const l of large.locations()) places.push(l);
    const graph = storeGraph(LARGE_EDGES, places, { seed: 5 });
    const path = join(dir, "large.jsonld");
    writeFileSync(path, graph.text);
    await importPath(large, path);
    largeFinalLots = graph.finalLots;
    largeEdges = graph.edges;
  }

  beforeAll(async () => {
    clusters = await startShardClusters(3);
    const admin = new pg.Client({ connectionString: clusters.coordinator.url });
    await admin.connect();
    await admin.query("create database store");
    await admin.query("create database large");
    await admin.end();
    storeUrl = clusters.coordinator.url.replace(/\/postgres$/, "/store");
    largeUrl = clusters.coordinator.url.replace(/\/postgres$/, "/large");
    store = await openStore(storeUrl);
    large = await openStore(largeUrl);
    // Two databases: their imports overlap (one parses while the other's server writes), and the
    // shards' tables are created meanwhile.
    cluster = openShardCluster(
      storeUrl,
      clusters.shards.map((s) => s.url),
    );
    const small = async () => {
      await Promise.all([fillSmall(), cluster.init()]);
      const reference = await byLot((onLot) => composeLots(store, "memory", onLot));
      memory = reference.lots;
      memoryCycleLots = [...reference.summary.cycleLots].sort();
    };
    await Promise.all([small(), fillLarge()]);
  }, 240_000);

  afterAll(async () => {
    await cluster?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await large?.close().catch(() => undefined);
    await clusters?.stop();
  });

  /** One lot's sharded trace against the single-node trace: shares, listed entity, listed locations. */
  async function expectSameTrace(
    context: TraceContext,
    on: Store,
    shards: ShardCluster,
    lotId: string,
  ): Promise<ShardTrace> {
    const single = traceWithContext(context, lotId);
    if (single.direction !== "up") throw new Error("expected an upstream trace");
    const sharded = await traceLotSharded(on, shards, lotId);
    for (const k of [
      "xinjiangShare",
      "unknownShare",
      "expectedXinjiangShare",
      "worstCaseXinjiangShare",
    ] as const)
      expect(Math.abs(sharded[k] - single[k]), `${lotId} ${k}`).toBeLessThanOrEqual(TOLERANCE);
    expect(sharded.listedEntityInChain, lotId).toBe(single.listedEntityInChain);
    expect(sharded.listedLocations.map((l) => l.location).sort(), lotId).toEqual(
      [...new Set(single.listedEntities.map((e) => e.location))].sort(),
    );
    return sharded;
  }

  for (const copy of [false, true]) {
    it(`composes every lot as the in-memory engine does, loaded ${copy ? "by COPY to each shard" : "through the coordinator"}`, async () => {
      const load = await loadShards(store, cluster, copy);
      expect(load.perShard).toHaveLength(3);
      for (const s of load.perShard) expect(s.edges, `${s.shard} holds edges`).toBeGreaterThan(0);
      const sharded = await byLot((onLot) => composeLotsSharded(store, cluster, onLot));
      expect(sharded.lots.size).toBe(memory.size);
      const worst = largestDifference(memory, sharded.lots);
      expect(worst.diff, worst.where).toBeLessThanOrEqual(TOLERANCE);
      expect([...sharded.summary.cycleLots].sort()).toEqual(memoryCycleLots);
      expect(memoryCycleLots).toEqual([lot("CYC-1"), lot("CYC-2")]);
    });
  }

  it("traces one lot as the single-node trace does: shares and listed entities in the chain", async () => {
    const candidates = [...memory.values()];
    const picks = [
      ...candidates.filter((l) => l.xinjiangShare > 0 && l.xinjiangShare < 1).slice(0, 3),
      ...candidates.filter((l) => l.unknownShare > 0 && l.xinjiangShare === 0).slice(0, 3),
      ...candidates.filter((l) => l.worstCaseXinjiangShare === 0).slice(0, 2),
    ];
    expect(picks.length).toBeGreaterThanOrEqual(6);
    let listed = 0;
    const context = await loadTraceContext(store);
    for (const pick of picks)
      if ((await expectSameTrace(context, store, cluster, pick.lot)).listedEntityInChain) listed++;
    expect(listed, "some traced lot has a listed entity in its chain").toBeGreaterThan(0);
  });

  /** Every location (and period) of the single-node balance, to summation-order tolerance. */
  function expectSameBalance(single: MassBalance, sharded: MassBalance): void {
    const near = (a: number, b: number, what: string) =>
      expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(
        TOLERANCE * Math.max(1, Math.abs(a)),
      );
    const origins = (list: readonly { origin: string; kg: number }[]) =>
      new Map(list.map((o) => [o.origin, o.kg] as const));
    const keyOf = (l: LocationBalance) => `${l.location} ${l.period ?? ""}`;
    expect(sharded.locations.map(keyOf)).toEqual(single.locations.map(keyOf).sort());
    const byKey = new Map(sharded.locations.map((l) => [keyOf(l), l]));
    for (const s of single.locations) {
      const d = byKey.get(keyOf(s))!;
      const at = keyOf(s);
      expect([d.status, d.stage, d.maxYield, d.name, d.period], at).toEqual([
        s.status,
        s.stage,
        s.maxYield,
        s.name,
        s.period,
      ]);
      near(d.inputKg, s.inputKg, `${at} input`);
      near(d.outputKg, s.outputKg, `${at} output`);
      near(d.limitKg, s.limitKg, `${at} limit`);
      for (const side of ["inputs", "outputs"] as const) {
        const [a, b] = [origins(s[side]), origins(d[side])];
        for (const key of new Set([...a.keys(), ...b.keys()]))
          near(b.get(key) ?? 0, a.get(key) ?? 0, `${at} ${side} ${key}`);
      }
      expect(d.claims.map((c) => [c.origin, c.status]).sort(), at).toEqual(
        s.claims.map((c) => [c.origin, c.status]).sort(),
      );
      for (const c of s.claims)
        near(d.claims.find((x) => x.origin === c.origin)!.inputKg, c.inputKg, `${at} claim ${c.origin}`);
      expect(d.flags.map((f) => f.message).sort(), at).toEqual(s.flags.map((f) => f.message).sort());
    }
  }

  it("balances every location as the single-node mass balance does", async () => {
    // The shards hold the store's graph (COPY load) and the last run of it from the test above.
    const single = await balanceInStore(store);
    expectSameBalance(single, await balanceSharded(store, cluster));
    expect(single.locations.length).toBeGreaterThan(5);
    const unknownOut = single.locations.reduce(
      (sum, l) => sum + (l.outputs.find((o) => o.origin === "unknown")?.kg ?? 0),
      0,
    );
    expect(unknownOut, "some output is unknown (the cycle, untraced inputs)").toBeGreaterThan(0);
    expect(
      single.locations.some((l) => l.status === "exceeded"),
      "the sample has a laundering location",
    ).toBe(true);
  });

  it("balances every location per month as the single-node balance does", async () => {
    const single = await balanceInStore(store, { period: "month" });
    expectSameBalance(single, await balanceSharded(store, cluster, { period: "month" }));
    const whole = await balanceInStore(store);
    // Per month splits some location over several periods: a period ignored would fail above.
    expect(single.locations.length).toBeGreaterThan(whole.locations.length);
    expect(single.locations.every((l) => /^\d{4}-\d{2}$/.test(l.period ?? ""))).toBe(true);
  });

  it("runs from the command line: shard compose with THREADPROOF_SHARDS", async () => {
    const env = { THREADPROOF_SHARDS: clusters.shards.map((c) => c.url).join(","), THREADPROOF_DB: storeUrl };
    const compose = runCli(["shard", "compose", "--json"], env);
    expect(compose.code, compose.stderr).toBe(0);
    const lots = compose.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LotComposition);
    expect(lots).toHaveLength(memory.size);
    for (const l of lots)
      expect(l.worstCaseXinjiangShare, l.lot).toBeCloseTo(memory.get(l.lot)?.worstCaseXinjiangShare ?? -1, 9);
    // The balances only read the run just written: four processes at once, not one after another.
    const [balance, quarterly, singleQuarterly, wrong] = await Promise.all([
      runCliAsync(["shard", "balance", "--json"], env),
      runCliAsync(["shard", "balance", "--period", "quarter"], env),
      runCliAsync(["balance", "--period", "quarter"], { THREADPROOF_DB: storeUrl }),
      runCliAsync(["shard", "balance", "--period", "week"], env),
    ]);
    expect(balance.code, balance.stderr).toBe(0);
    const single = await balanceInStore(store);
    const parsed = JSON.parse(balance.stdout) as typeof single;
    expect(parsed.locations.map((l) => [l.location, l.status])).toEqual(
      single.locations.map((l) => [l.location, l.status]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(quarterly.code, quarterly.stderr).toBe(0);
    expect(singleQuarterly.code, singleQuarterly.stderr).toBe(0);
    // The same table and flags as the single-node command (rows in location then period order),
    // masses aside: rounded to the kg, a sum in another order may round the other way.
    const lines = (out: string) =>
      out
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => l.replace(/[\d.,]+ (kg|%)/g, "# $1").replace(/\s+/g, " "));
    const [head, ...rest] = lines(singleQuarterly.stdout);
    expect(lines(quarterly.stdout)[0]).toBe(head);
    expect(lines(quarterly.stdout).slice(1).sort()).toEqual(rest.sort());
    expect(quarterly.stdout).toMatch(/\(\d{4}-Q[1-4]\)/);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--period must be one of month, quarter, year/);
    const status = await cluster.status();
    expect(status.shards.map((s) => s.reachable)).toEqual([true, true, true]);
    expect(status.loaded?.path).toBe("copy");
    expect(status.lastRun?.rows).toBeGreaterThan(0);
  }, 120_000);

  it("places every node where the coordinator's hash partitions would", async () => {
    const c = new pg.Client({ connectionString: clusters.coordinator.url.replace(/\/postgres$/, "/store") });
    await c.connect();
    try {
      const { rows } = await c.query(
        `select g.n::text as n, r.r from (select unnest(array[-5, -1, 0, 1, 2, 4294967295, 4294967296, 9007199254740991]::bigint[])
           union all select (random() * 1e12)::bigint from generate_series(1, 500)) as g(n),
         lateral (select r from generate_series(0, 2) r where satisfies_hash_partition('shard.edge'::regclass, 3, r, g.n)) r`,
      );
      expect(rows.length).toBe(508);
      for (const row of rows) expect(shardOfNode(BigInt(row.n), 3), row.n).toBe(row.r);
    } finally {
      await c.end();
    }
  });

  it("ships each shard's join and GROUP BY to the shard (the step query's plan)", async () => {
    const plan = await cluster.explainStep();
    const remote = plan.split("\n").filter((l) => l.includes("Remote SQL:"));
    // Two branches per shard (mixes along ordinary edges, unknown along forced ones), none pulling rows.
    expect(remote, plan).toHaveLength(6);
    for (const line of remote) {
      expect(line, plan).toMatch(/GROUP BY/);
      expect(line, plan).toMatch(/INNER JOIN shard\.edge/);
    }
    expect(plan).toMatch(/Async Foreign Scan/);
  });

  it(`composes, traces and balances a store of ${LARGE_EDGES.toLocaleString("en")} edges as the single-node engines do`, async () => {
    // Its own coordinator database on the same shards: init replaces the shards' tables.
    const shards = openShardCluster(
      largeUrl,
      clusters.shards.map((c) => c.url),
    );
    try {
      await shards.init();
      const load = await loadShards(large, shards, true);
      expect(load.edges).toBe(largeEdges);
      expect(load.edges).toBeGreaterThanOrEqual(LARGE_EDGES * 0.9);
      for (const s of load.perShard)
        expect(s.edges, `${s.shard} holds edges`).toBeGreaterThan(load.edges / 4);
      // The single-node engines work in this process while the servers compose: run them together.
      const [single, sharded, context] = await Promise.all([
        byLot((onLot) => composeLots(large, "memory", onLot)),
        byLot((onLot) => composeLotsSharded(large, shards, onLot)),
        loadTraceContext(large),
      ]);
      expect(sharded.lots.size).toBe(single.lots.size);
      const worst = largestDifference(single.lots, sharded.lots);
      expect(worst.diff, worst.where).toBeLessThanOrEqual(TOLERANCE);
      expect(sharded.summary.cycleLots).toEqual([]);
      const mixed = [...single.lots.values()].filter((l) => l.xinjiangShare > 0 && l.xinjiangShare < 1);
      expect(mixed.length, "lots with some Xinjiang share").toBeGreaterThan(100);

      // Traces: a lot of the last stage (thousands of lots upstream), a mixed lot, one with an
      // unknown share.
      const picks = [
        largeFinalLots[0]!,
        mixed[0]!.lot,
        [...single.lots.values()].find((l) => l.unknownShare > 0 && l.unknownShare < 1)!.lot,
      ];
      const traces = [];
      for (const lotId of picks) traces.push(await expectSameTrace(context, large, shards, lotId));
      expect(traces[0]!.ancestors, "lots upstream of a last-stage lot").toBeGreaterThan(1000);

      // Mass balance from the shards' run against the single-node balance of the same store.
      const balance = balanceWithContext(context);
      expectSameBalance(balance, await balanceSharded(large, shards));
      const statuses = new Set(balance.locations.map((l) => l.status));
      expect([...statuses].sort(), "some locations exceed, the rest are within").toEqual(["exceeded", "ok"]);
      expect(balance.locations.filter((l) => l.claims.length > 0).length, "claims").toBeGreaterThan(3);
    } finally {
      await shards.close();
    }
  }, 420_000);

  it("names the shard that died mid-run and writes no partial result on the coordinator", async () => {
    const c = new pg.Client({ connectionString: clusters.coordinator.url.replace(/\/postgres$/, "/store") });
    await c.connect();
    try {
      const before = (
        await c.query(
          "select (select count(*) from shard.result) as r, (select sum(share::numeric)::text from shard.result) as s, (select max(id) from shard.run) as n",
        )
      ).rows[0];
      await loadShards(store, cluster, false);
      const error = await composeLotsSharded(store, cluster, () => undefined, {
        afterLevel: (level) => {
          if (level === 2) clusters.kill(2);
        },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ShardUnavailableError);
      const shardError = error as ShardUnavailableError;
      expect(shardError.code).toBe("store-unavailable");
      expect(shardError.shard).toMatch(/^shard_2 \(postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres\)$/);
      expect(shardError.message).toMatch(/shard shard_2 .* is unavailable while composing on the shards/);
      const after = (
        await c.query(
          "select (select count(*) from shard.result) as r, (select sum(share::numeric)::text from shard.result) as s, (select max(id) from shard.run) as n",
        )
      ).rows[0];
      // The last complete run (the command line's) is still the one recorded; the sum is taken in
      // numeric (exact) so a parallel scan's order cannot change it.
      expect(Number(before.r)).toBeGreaterThan(0);
      expect(after).toEqual(before);
      const status = await cluster.status();
      expect(status.shards.map((s) => s.reachable)).toEqual([true, true, false]);
    } finally {
      await c.end();
    }
  });
});
