import type { ShardCluster, ShardLotTrace, ShardMixRow, ShardStatus } from "../../app/index.ts";
import { runShardComposition } from "./run-shard-composition.ts";
import { shardBalance } from "./shard-balance.ts";
import { onShards, openEndpoints, type ShardEndpoints } from "./shard-endpoints.ts";
import { loadFromStore, loadGraph, shardCounts } from "./shard-load.ts";
import { coordinatorTables, shardTables, stepMix } from "./shard-sql-text.ts";

async function init(endpoints: ShardEndpoints): Promise<void> {
  for (const p of endpoints.shards.map((s) => s.pool))
    for (const statement of shardTables()) await p.query(statement);
  const c = endpoints.coordinator;
  await c.query("drop schema if exists shard cascade");
  const { rows } = await c.query("select srvname from pg_foreign_server where srvname ~ '^shard_[0-9]+$'");
  for (const r of rows) await c.query(`drop server ${r.srvname} cascade`);
  for (const statement of coordinatorTables(endpoints.shards.map((s) => s.server))) await c.query(statement);
}

async function status(endpoints: ShardEndpoints): Promise<ShardStatus> {
  const shards = await Promise.all(
    endpoints.shards.map(async (s) => {
      try {
        const [counts] = await shardCounts({ ...endpoints, direct: [s.pool], shards: [s] });
        return { ...counts!, url: s.label, reachable: true };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        return { shard: s.name, url: s.label, reachable: false, error, nodes: 0, edges: 0, seeds: 0 };
      }
    }),
  );
  const c = endpoints.coordinator;
  const loaded = (await c.query("select at::text as at, fingerprint, path from shard.loaded")).rows[0];
  const run = (
    await c.query("select at::text as at, levels, rows, seconds from shard.run order by id desc limit 1")
  ).rows[0];
  return {
    coordinator: endpoints.coordinatorLabel,
    shards,
    ...(loaded ? { loaded: { at: loaded.at, fingerprint: loaded.fingerprint, path: loaded.path } } : {}),
    ...(run
      ? {
          lastRun: {
            at: run.at,
            levels: Number(run.levels),
            rows: Number(run.rows),
            seconds: Number(run.seconds),
          },
        }
      : {}),
  };
}

async function ancestorsOf(endpoints: ShardEndpoints, node: number): Promise<number[]> {
  const seen = new Set<number>([node]);
  let frontier = [node];
  while (frontier.length > 0) {
    const { rows } = await endpoints.coordinator.query(
      "select distinct src from shard.edge where dst = any($1::bigint[])",
      [frontier],
    );
    frontier = rows.map((r) => Number(r.src)).filter((n) => !seen.has(n));
    for (const n of frontier) seen.add(n);
  }
  seen.delete(node);
  return [...seen].sort((a, b) => a - b);
}

/** A node of the loaded graph from the last run: its mix and its ancestry, walked on the shards. */
async function traceNode(
  endpoints: ShardEndpoints,
  node: number,
  lot?: string,
): Promise<{ mix: ShardMixRow[]; ancestors: number[] }> {
  const { rows } = await endpoints.coordinator.query(
    "select bucket, share from shard.result where node = $1 order by bucket",
    [node],
  );
  const mix = rows.map((r) => ({ node, lot, bucket: Number(r.bucket), share: Number(r.share) }));
  return { mix, ancestors: await ancestorsOf(endpoints, node) };
}

/** A lot of the store's graph (the coordinator is the store's database): its mix, ancestry, locations. */
async function traceLot(endpoints: ShardEndpoints, lot: string): Promise<ShardLotTrace | undefined> {
  const c = endpoints.coordinator;
  const { rows: keys } = await c.query(
    "select l.key from lots l join shard.node n on n.node = l.key where l.id = $1",
    [lot],
  );
  if (keys.length === 0) return undefined;
  const node = Number(keys[0]!.key);
  const { mix, ancestors } = await traceNode(endpoints, node, lot);
  const chain = [node, ...ancestors];
  const { rows: ids } = await c.query("select id from lots where key = any($1::bigint[]) order by id", [
    ancestors,
  ]);
  const { rows: places } = await c.query(
    `select distinct coalesce(e.biz_location, e.read_point) as location
     from event_lots x join events e on e.key = x.event_key
     where x.lot_key = any($1::bigint[]) and not e.retracted and coalesce(e.biz_location, e.read_point) is not null
     order by 1`,
    [chain],
  );
  return {
    node,
    mix,
    ancestors: ids.map((r) => String(r.id)),
    locations: places.map((r) => String(r.location)),
  };
}

/**
 * The sharded composition on a coordinator (`coordinatorUrl`, normally the store's own PostgreSQL
 * database) and its shards. With no shard URLs the coordinator runs the same statements on local
 * partitions: the single-node baseline of `bench:scale`.
 */
export function openShardCluster(coordinatorUrl: string, shardUrls: readonly string[]): ShardCluster {
  const endpoints = openEndpoints(coordinatorUrl, shardUrls);
  const guard = <T>(what: string, work: () => Promise<T>) => onShards(endpoints, what, work);
  return {
    names: endpoints.shards.map((s) => s.name),
    init: () => guard("creating the shards' tables", () => init(endpoints)),
    loadFromStore: (places, fingerprint, copy) =>
      guard("loading the shards", () => loadFromStore(endpoints, places, fingerprint, copy)),
    loadGraph: (graph, fingerprint) =>
      guard("loading the shards", () => loadGraph(endpoints, graph, fingerprint)),
    loadedFingerprint: () =>
      guard("reading the shards' load record", async () => {
        const { rows } = await endpoints.coordinator.query(
          "select fingerprint from shard.loaded where to_regclass('shard.loaded') is not null",
        );
        return rows[0]?.fingerprint as string | undefined;
      }),
    compose: (onMix, options) =>
      guard("composing on the shards", () => runShardComposition(endpoints, onMix, options)),
    traceLot: (lot) => guard("tracing a lot on the shards", () => traceLot(endpoints, lot)),
    traceNode: (node) => guard("tracing a lot on the shards", () => traceNode(endpoints, node)),
    balance: (places, period) =>
      guard("balancing from the shards' result", () => shardBalance(endpoints, places, period)),
    explainStep: () =>
      guard("explaining the step query", async () => {
        const { rows } = await endpoints.coordinator.query(
          `explain (verbose) ${stepMix(endpoints.modulus, 0)}`,
        );
        return rows.map((r) => r["QUERY PLAN"] as string).join("\n");
      }),
    status: () => guard("reading the shards' status", () => status(endpoints)),
    async close() {
      await Promise.all([endpoints.coordinator.end(), ...endpoints.shards.map((s) => s.pool.end())]);
    },
  };
}
