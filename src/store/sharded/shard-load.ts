import type pg from "pg";
import type { PlaceBuckets, ShardCounts, ShardGraph, ShardLoadResult } from "../../app/index.ts";
import { CREATE_TABLES, DERIVE_GRAPH, DROP_TABLES } from "../shared/composition-sql-text.ts";
import { type CopyWriter, copyRouted, copyWriter } from "./shard-copy.ts";
import type { ShardEndpoints } from "./shard-endpoints.ts";
import { shardOfNode } from "./shard-of-node.ts";

const PLACE_BATCH = 5000;

/** The three inputs and how to read each from the single-node twin's working tables. */
const INPUTS = [
  {
    table: "node",
    columns: "node, indeg",
    select: `select l.lot, coalesce(d.n, 0) from tp_lot l
      left join (select dst, count(*) as n from tp_edge group by dst) d on d.dst = l.lot`,
  },
  { table: "edge", columns: "src, dst, event, frac", select: "select src, dst, event, frac from tp_edge" },
  { table: "seed", columns: "node, bucket, share", select: "select dst, bucket, frac from tp_seed" },
] as const;

async function clearShards(endpoints: ShardEndpoints): Promise<void> {
  await Promise.all(
    endpoints.direct.map((p) =>
      p.query("truncate shard.node, shard.edge, shard.seed, shard.done, shard.inbox, shard.recv"),
    ),
  );
}

async function analyzeShards(endpoints: ShardEndpoints): Promise<void> {
  await Promise.all(endpoints.direct.map((p) => p.query("analyze shard.node, shard.edge, shard.seed")));
}

async function record(endpoints: ShardEndpoints, fingerprint: string, path: string): Promise<void> {
  await endpoints.coordinator.query("delete from shard.loaded");
  await endpoints.coordinator.query("insert into shard.loaded (fingerprint, path) values ($1, $2)", [
    fingerprint,
    path,
  ]);
}

export async function shardCounts(endpoints: ShardEndpoints): Promise<ShardCounts[]> {
  const names = endpoints.shards.length === 0 ? ["local"] : endpoints.shards.map((s) => s.name);
  return Promise.all(
    endpoints.direct.map(async (p, i) => {
      const { rows } = await p.query(
        `select (select count(*) from shard.node) as nodes, (select count(*) from shard.edge) as edges,
           (select count(*) from shard.seed) as seeds`,
      );
      const r = rows[0] as Record<string, string>;
      return { shard: names[i]!, nodes: Number(r.nodes), edges: Number(r.edges), seeds: Number(r.seeds) };
    }),
  );
}

async function result(endpoints: ShardEndpoints, path: ShardLoadResult["path"]): Promise<ShardLoadResult> {
  const perShard = await shardCounts(endpoints);
  const sum = (k: "nodes" | "edges" | "seeds") => perShard.reduce((a, s) => a + s[k], 0);
  return { nodes: sum("nodes"), edges: sum("edges"), seeds: sum("seeds"), perShard, path };
}

/**
 * The twin's statements up to the weighed lines (`tp_frac`), before the lot → lot edges: all the
 * mass balance reads. At a million edges the edge table and its indexes are most of the derive.
 */
const EDGES_START = DERIVE_GRAPH.findIndex((statement) => /insert into tp_edge\b/.test(statement));
if (EDGES_START < 0) throw new Error("the composition twin no longer derives tp_edge");
export const DERIVE_LINES: readonly string[] = DERIVE_GRAPH.slice(0, EDGES_START);

/** Derives the twin's working tables from the store's events (all of them, or `statements`). */
export async function deriveOnCoordinator(
  client: pg.PoolClient,
  places: readonly PlaceBuckets[],
  statements: readonly string[] = DERIVE_GRAPH,
): Promise<void> {
  for (const statement of DROP_TABLES) await client.query(statement);
  for (const statement of CREATE_TABLES) await client.query(statement);
  for (let i = 0; i < places.length; i += PLACE_BATCH) {
    const batch = places.slice(i, i + PLACE_BATCH);
    await client.query(
      `insert into tp_place (location, origin_bucket, unknown_bucket)
       select * from unnest($1::text[], $2::int[], $3::int[])`,
      [batch.map((p) => p.location), batch.map((p) => p.origin), batch.map((p) => p.unknown)],
    );
  }
  for (const statement of statements) await client.query(statement);
}

/** Opens one COPY writer per shard for `table`, runs `fill`, and closes them all. */
async function copyToShards(
  endpoints: ShardEndpoints,
  table: string,
  columns: string,
  fill: (writers: readonly CopyWriter[]) => Promise<void>,
): Promise<void> {
  const clients = await Promise.all(endpoints.direct.map((p) => p.connect()));
  try {
    const writers = clients.map((c) => copyWriter(c, `shard.${table}`, columns));
    await fill(writers);
    await Promise.all(writers.map((w) => w.end()));
  } finally {
    for (const c of clients) c.release();
  }
}

/**
 * Derives nodes, edges and seeds from the store's events on the coordinator, with the single-node
 * twin's own SQL, then sends them to the shards: `insert … select` into the coordinator's
 * partitioned parents (postgres_fdw routes each row, 1000 a round trip), or with `copy` a COPY out
 * of the coordinator split by the same hash into one COPY per shard.
 */
export async function loadFromStore(
  endpoints: ShardEndpoints,
  places: readonly PlaceBuckets[],
  fingerprint: string,
  copy: boolean,
): Promise<ShardLoadResult> {
  await clearShards(endpoints);
  const client = await endpoints.coordinator.connect();
  try {
    await deriveOnCoordinator(client, places);
    for (const input of INPUTS) {
      if (copy) {
        await copyToShards(endpoints, input.table, input.columns, async (writers) => {
          await copyRouted(client, input.select, writers);
        });
      } else {
        await client.query(`insert into shard.${input.table} (${input.columns}) ${input.select}`);
      }
    }
  } finally {
    for (const statement of DROP_TABLES) await client.query(statement).catch(() => undefined);
    client.release();
  }
  await analyzeShards(endpoints);
  await record(endpoints, fingerprint, copy ? "copy" : "coordinator");
  return result(endpoints, copy ? "copy" : "coordinator");
}

/** The bulk path for a graph in arrays: every row written once, straight to its shard. */
export async function loadGraph(
  endpoints: ShardEndpoints,
  graph: ShardGraph,
  fingerprint: string,
): Promise<ShardLoadResult> {
  await clearShards(endpoints);
  const n = endpoints.direct.length;
  const indeg = new Map<number, number>();
  for (let e = 0; e < graph.edgeDst.length; e++) {
    const d = graph.edgeDst[e]!;
    indeg.set(d, (indeg.get(d) ?? 0) + 1);
  }
  await copyToShards(endpoints, "node", "node, indeg", async (w) => {
    for (let i = 0; i < graph.nodes.length; i++) {
      const node = graph.nodes[i]!;
      await w[shardOfNode(node, n)]!.write(`${node}\t${indeg.get(node) ?? 0}\n`);
    }
  });
  await copyToShards(endpoints, "edge", "src, dst, event, frac", async (w) => {
    for (let e = 0; e < graph.edgeSrc.length; e++) {
      const src = graph.edgeSrc[e]!;
      await w[shardOfNode(src, n)]!.write(
        `${src}\t${graph.edgeDst[e]}\t${graph.edgeEvent[e]}\t${graph.edgeFrac[e]}\n`,
      );
    }
  });
  await copyToShards(endpoints, "seed", "node, bucket, share", async (w) => {
    for (let s = 0; s < graph.seedNode.length; s++) {
      const node = graph.seedNode[s]!;
      await w[shardOfNode(node, n)]!.write(`${node}\t${graph.seedBucket[s]}\t${graph.seedShare[s]}\n`);
    }
  });
  await analyzeShards(endpoints);
  await record(endpoints, fingerprint, "copy");
  return result(endpoints, "copy");
}
