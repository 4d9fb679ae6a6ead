/**
 * Sharding benchmark: `npm run bench:scale -- [--sizes 1000000,5000000] [--store-sizes 1000000] [--shards 3]`.
 * Starts a coordinator and N shard clusters on loopback ports (as test/shard does), and for each
 * size composes a seeded synthetic lot → lot graph (test/shard/synthetic-graph.ts) three ways in the
 * same run: in memory (the floor), on a single node (the same level loop on local partitions of one
 * server, no postgres_fdw), and on the coordinator with N shards. Both SQL results are checked
 * against the in-memory one. For each store size, a generated EPCIS document of about that many
 * lot → lot edges (test/shard/store-graph.ts: locations, masses, claims) is imported into a store on
 * the coordinator, COPY-loaded from it, composed and mass-balanced on a single node and on N shards;
 * both balances are checked against the single-node (in-memory) balance. On one machine the shards share its cores: this measures correctness
 * and the overhead of going through postgres_fdw, not a speed-up (see docs/scale.md for the model).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import {
  balanceInStore,
  balanceSharded,
  composeLotsSharded,
  importFile,
  loadShards,
  type MassBalance,
  type ShardCluster,
  type ShardMixRow,
  type Store,
} from "../src/app/index.ts";
import { openLocalFile } from "../src/cli/read-file.ts";
import { openStore } from "../src/store/index.ts";
import { openShardCluster } from "../src/store/sharded/index.ts";
import { startShardClusters } from "../test/setup/shard-clusters.ts";
import { storeGraph } from "../test/shard/store-graph.ts";
import { referenceMixes, type SyntheticGraph, syntheticGraph } from "../test/shard/synthetic-graph.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const sizes = (text: string) => text.split(",").filter(Boolean).map(Number);
const SIZES = sizes(flag("sizes", "1000000,5000000"));
const STORE_SIZES = sizes(flag("store-sizes", "1000000"));
const SHARDS = Number(flag("shards", "3"));

/** Clock ticks per second of /proc/<pid>/stat (Linux's USER_HZ, 100 on every common build). */
const TICK = 100;

function ticks(pid: number, withReaped: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const v = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    // fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 after the command name.
    return v[11]! + v[12]! + (withReaped ? v[13]! + v[14]! : 0);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds spent so far by the PostgreSQL servers: each postmaster, its live backends, and the
 * backends it reaped (cutime/cstime). The servers are not this process's children, so
 * process.cpuUsage() never sees them; Linux only (0 elsewhere).
 */
function serverCpu(pidFiles: readonly string[]): number[] {
  const totals: number[] = [];
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while listed
    }
  }
  for (const file of pidFiles) {
    const pm = Number(readFileSync(file, "utf8").split("\n")[0]);
    let total = ticks(pm, true);
    for (const c of children.get(pm) ?? []) total += ticks(c, false);
    totals.push(total / TICK);
  }
  return totals;
}

/** Wall, this process's CPU and the servers' CPU of one phase, in seconds. */
interface Cost {
  readonly wall: number;
  readonly node: number;
  /** The coordinator's server (the single node's too: it is the same server). */
  readonly coordinator: number;
  /** The shard servers together. */
  readonly shards: number;
}

function meter(pidFiles: readonly string[]): () => Cost {
  const wall = performance.now();
  const node = process.cpuUsage();
  const servers = serverCpu(pidFiles);
  return () => {
    const used = process.cpuUsage(node);
    const now = serverCpu(pidFiles);
    return {
      wall: (performance.now() - wall) / 1000,
      node: (used.user + used.system) / 1e6,
      coordinator: (now[0] ?? 0) - (servers[0] ?? 0),
      shards: now.slice(1).reduce((a, v, i) => a + v - (servers[i + 1] ?? 0), 0),
    };
  };
}

let pidFiles: readonly string[] = [];

interface Timing {
  readonly load: number;
  readonly loadCost: Cost;
  readonly composeCost: Cost;
  readonly compose: number;
  readonly levels: number;
  readonly rows: number;
  readonly worst: number;
  readonly kinds: Map<string, number>;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timeRun(
  cluster: ShardCluster,
  graph: SyntheticGraph,
  reference: Map<number, Float64Array>,
): Promise<Timing> {
  await cluster.init();
  let started = performance.now();
  let cost = meter(pidFiles);
  await cluster.loadGraph(graph, "bench");
  const loadCost = cost();
  const load = performance.now() - started;
  const kinds = new Map<string, number>();
  let worst = 0;
  let rows = 0;
  const onMix = (row: ShardMixRow) => {
    rows++;
    const d = Math.abs((reference.get(row.node)?.[row.bucket] ?? Number.NaN) - row.share);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  };
  started = performance.now();
  cost = meter(pidFiles);
  const run = await cluster.compose(onMix, {
    onStatement: (kind, ms) => kinds.set(kind, (kinds.get(kind) ?? 0) + ms),
  });
  const composeCost = cost();
  const compose = performance.now() - started;
  const loop = [...kinds.values()].reduce((a, b) => a + b, 0);
  kinds.set("other (reset, counts, cycle check)", compose - loop);
  return { load, loadCost, composeCost, compose, levels: run.levels, rows, worst, kinds };
}

async function database(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

function report(label: string, t: Timing, floor: number): void {
  const breakdown = [...t.kinds].map(([k, ms]) => `${k} ${s(ms)}`).join(", ");
  console.log(
    `  ${label.padEnd(18)} load ${s(t.load).padStart(8)}  compose ${s(t.compose).padStart(8)}  (${(t.compose / floor).toFixed(0)}× in-memory)  levels ${t.levels}  rows ${t.rows.toLocaleString("en")}  max |Δ| ${t.worst.toExponential(1)}`,
  );
  console.log(`  ${"".padEnd(18)} ${breakdown}`);
  console.log(`  ${"".padEnd(18)} load: ${cpuOf(t.loadCost)}; compose: ${cpuOf(t.composeCost)}`);
}

/** The largest difference between two balances' masses, relative to the mass (1 kg floor). */
function balanceDifference(a: MassBalance, b: MassBalance): number {
  let worst = a.locations.length === b.locations.length ? 0 : Number.POSITIVE_INFINITY;
  const byKey = new Map(b.locations.map((l) => [`${l.location} ${l.period}`, l]));
  const near = (x: number, y: number | undefined) => {
    const d = y === undefined ? Number.POSITIVE_INFINITY : Math.abs(x - y) / Math.max(1, Math.abs(x));
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  };
  for (const l of a.locations) {
    const o = byKey.get(`${l.location} ${l.period}`);
    if (o?.status !== l.status) worst = Number.POSITIVE_INFINITY;
    near(l.inputKg, o?.inputKg);
    near(l.outputKg, o?.outputKg);
    for (const side of ["inputs", "outputs"] as const)
      for (const m of l[side]) near(m.kg, o?.[side].find((x) => x.origin === m.origin)?.kg ?? 0);
  }
  return worst;
}

const cpuOf = (c: Cost) =>
  `${c.wall.toFixed(1)} s wall, CPU ${(c.node + c.coordinator + c.shards).toFixed(1)} s (node ${c.node.toFixed(1)}, coordinator ${c.coordinator.toFixed(1)}, shards ${c.shards.toFixed(1)})`;

/** The store-side path: load from the store (COPY), compose, balance; the balance checked. */
async function timeStore(label: string, store: Store, cluster: ShardCluster, single: MassBalance) {
  await cluster.init();
  let cost = meter(pidFiles);
  const load = await loadShards(store, cluster, true);
  const loadCost = cost();
  cost = meter(pidFiles);
  const run = await composeLotsSharded(store, cluster, () => undefined);
  const composeCost = cost();
  cost = meter(pidFiles);
  const balance = await balanceSharded(store, cluster);
  const balanceCost = cost();
  console.log(
    `  ${label.padEnd(18)} ${load.edges.toLocaleString("en")} edges, ${run.lots.toLocaleString("en")} lots, levels ${run.levels}; balance: ${balance.locations.length} locations, max relative |Δ| vs single-node balance ${balanceDifference(single, balance).toExponential(1)}`,
  );
  console.log(`  ${"".padEnd(18)} load: ${cpuOf(loadCost)}`);
  console.log(`  ${"".padEnd(18)} compose: ${cpuOf(composeCost)}`);
  console.log(`  ${"".padEnd(18)} balance: ${cpuOf(balanceCost)}`);
}

async function storeRun(adminUrl: string, edges: number, shardUrls: readonly string[]): Promise<void> {
  const url = await database(adminUrl, `store_${edges}`);
  const store = await openStore(url);
  try {
    await importFile(store, await openLocalFile(join(import.meta.dirname, "../sample/facilities.csv")), {});
    const places = [];
    for await (const l of store.locations()) places.push(l);
    const graph = storeGraph(edges, places, { seed: 5 });
    const path = join(tmpdir(), `threadproof-scale-${process.pid}-${edges}.jsonld`);
    writeFileSync(path, graph.text);
    let cost = meter(pidFiles);
    await importFile(store, await openLocalFile(path), {});
    const importCost = cost();
    cost = meter(pidFiles);
    const single = await balanceInStore(store);
    const memoryCost = cost();
    console.log(
      `\nstore of ${graph.edges.toLocaleString("en")} edges (${graph.events.toLocaleString("en")} events) — import: ${cpuOf(importCost)}`,
    );
    console.log(
      `  ${"in memory".padEnd(18)} balance (graph + composition + balance): ${cpuOf(memoryCost)}, ${single.locations.length} locations, ${single.locations.filter((l) => l.status === "exceeded").length} exceeded`,
    );
    for (const [label, shards] of [
      ["single node", []],
      [`${SHARDS} shards`, shardUrls],
    ] as const) {
      const cluster = openShardCluster(url, shards);
      try {
        await timeStore(label, store, cluster, single);
      } finally {
        await cluster.close();
      }
    }
  } finally {
    await store.close();
  }
}

const clusters = await startShardClusters(SHARDS);
pidFiles = [clusters.coordinator, ...clusters.shards].map((c) => c.pidFile);
try {
  const singleUrl = await database(clusters.coordinator.url, "single");
  const coordinatorUrl = await database(clusters.coordinator.url, "coordinator");
  const single = openShardCluster(singleUrl, []);
  const sharded = openShardCluster(
    coordinatorUrl,
    clusters.shards.map((c) => c.url),
  );
  console.log(
    `bench:scale — single node vs ${SHARDS} shards, ${new Date().toISOString()}, load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  for (const size of SIZES) {
    const graph = syntheticGraph(size, { seed: 7 });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const reference = referenceMixes(graph);
    const floor = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(
      `\n${graph.edgeSrc.length.toLocaleString("en")} edges, ${graph.nodes.length.toLocaleString("en")} lots — in memory ${s(floor)} wall, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
    );
    report("single node", await timeRun(single, graph, reference), floor);
    report(`${SHARDS} shards`, await timeRun(sharded, graph, reference), floor);
  }
  await single.close();
  await sharded.close();
  for (const edges of STORE_SIZES)
    await storeRun(
      clusters.coordinator.url,
      edges,
      clusters.shards.map((c) => c.url),
    );
  const total = process.cpuUsage();
  console.log(
    `\nbench process: ${(performance.now() / 1000).toFixed(1)} s wall, CPU ${((total.user + total.system) / 1e6).toFixed(1)} s; load average now ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
} finally {
  await clusters.stop();
}
