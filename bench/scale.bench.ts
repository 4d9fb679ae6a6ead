/**
 * Sharding benchmark: `npm run bench:scale -- [--sizes 1000000,5000000] [--shards 3]`.
 * Starts a coordinator and N shard clusters on loopback ports (as test/shard does), and for each
 * size composes a seeded synthetic lot → lot graph (test/shard/synthetic-graph.ts) three ways in the
 * same run: in memory (the floor), on a single node (the same level loop on local partitions of one
 * server, no postgres_fdw), and on the coordinator with N shards. Both SQL results are checked
 * against the in-memory one. On one machine the shards share its cores: this measures correctness
 * and the overhead of going through postgres_fdw, not a speed-up (see docs/scale.md for the model).
 */
import pg from "pg";
import type { ShardCluster, ShardMixRow } from "../src/app/index.ts";
import { openShardCluster } from "../src/store/sharded/index.ts";
import { startShardClusters } from "../test/setup/shard-clusters.ts";
import { referenceMixes, type SyntheticGraph, syntheticGraph } from "../test/shard/synthetic-graph.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const SIZES = flag("sizes", "1000000,5000000").split(",").map(Number);
const SHARDS = Number(flag("shards", "3"));

interface Timing {
  readonly load: number;
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
  await cluster.loadGraph(graph, "bench");
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
  const run = await cluster.compose(onMix, {
    onStatement: (kind, ms) => kinds.set(kind, (kinds.get(kind) ?? 0) + ms),
  });
  const compose = performance.now() - started;
  const loop = [...kinds.values()].reduce((a, b) => a + b, 0);
  kinds.set("result (gather + write + stream)", compose - loop);
  return { load, compose, levels: run.levels, rows, worst, kinds };
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
}

const clusters = await startShardClusters(SHARDS);
try {
  const singleUrl = await database(clusters.coordinator.url, "single");
  const coordinatorUrl = await database(clusters.coordinator.url, "coordinator");
  const single = openShardCluster(singleUrl, []);
  const sharded = openShardCluster(
    coordinatorUrl,
    clusters.shards.map((c) => c.url),
  );
  console.log(`bench:scale — single node vs ${SHARDS} shards, ${new Date().toISOString()}`);
  for (const size of SIZES) {
    const graph = syntheticGraph(size, { seed: 7 });
    const started = performance.now();
    const reference = referenceMixes(graph);
    const floor = performance.now() - started;
    console.log(
      `\n${graph.edgeSrc.length.toLocaleString("en")} edges, ${graph.nodes.length.toLocaleString("en")} lots — in memory ${s(floor)}`,
    );
    report("single node", await timeRun(single, graph, reference), floor);
    report(`${SHARDS} shards`, await timeRun(sharded, graph, reference), floor);
  }
  await single.close();
  await sharded.close();
} finally {
  await clusters.stop();
}
