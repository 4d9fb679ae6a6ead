import type pg from "pg";
import type { ShardComposeOptions, ShardComposeRun, ShardMixRow } from "../../app/index.ts";
import type { ShardEndpoints } from "./shard-endpoints.ts";
import {
  COUNTS,
  correctForcedEdges,
  FIRST_DONE,
  finalMixes,
  nextDone,
  pendingEdges,
  pendingNodes,
  resultPage,
  stepCount,
  stepMix,
} from "./shard-sql-text.ts";

const PAGE = 10_000;

type Run = (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Empties the working tables on every shard and starts each lot's inbox with its seed mixes. */
async function resetShards(endpoints: ShardEndpoints): Promise<void> {
  await Promise.all(
    endpoints.direct.map(async (p) => {
      await p.query("truncate shard.done, shard.inbox, shard.recv");
      await p.query("update shard.edge set forced = 0 where forced <> 0");
      await p.query("update shard.node set forced = 0 where forced <> 0");
      await p.query(
        "insert into shard.inbox (node, bucket, share) select node, bucket, share from shard.seed",
      );
    }),
  );
}

/** Remote plans are made on each shard's own statistics: keep them current as the run fills the tables. */
async function analyzeWork(endpoints: ShardEndpoints): Promise<void> {
  await Promise.all(endpoints.direct.map((p) => p.query("analyze shard.done, shard.inbox, shard.recv")));
}

type Edge = readonly [src: number, dst: number, event: number];

/** Edges with both ends in `core`. */
const insideCore = (core: ReadonlySet<number>, edges: readonly Edge[]) =>
  edges.filter(([src, dst]) => core.has(src) && core.has(dst));

/** One trimming pass: drops the lots with no edge to another lot of the core; false when none was. */
function trimOnce(core: Set<number>, edges: readonly Edge[]): boolean {
  const reaching = new Set(insideCore(core, edges).map(([src]) => src));
  const before = core.size;
  for (const node of [...core]) if (!reaching.has(node)) core.delete(node);
  return core.size < before;
}

/** The cycle core of the pending lots: trimmed from the sink side until every lot reaches a cycle. */
function cycleCore(
  pending: readonly number[],
  edges: readonly Edge[],
): { core: Set<number>; events: number[] } {
  const core = new Set(pending);
  const inner = edges.filter(([, dst]) => core.has(dst));
  while (trimOnce(core, inner)) {
    // each pass removes the lots that reach no other pending lot
  }
  return { core, events: [...new Set(insideCore(core, inner).map(([, , event]) => event))] };
}

/** Sets the cycle core to unknown at `level`, as `computeComposition` and the single-node twin do. */
async function forceCycleCore(run: Run, modulus: number, level: number): Promise<number[]> {
  const pending = (await run(pendingNodes(modulus))).rows.map((r) => Number(r.node));
  if (pending.length === 0) return [];
  const edges = (await run(pendingEdges(modulus))).rows.map(
    (r): Edge => [Number(r.src), Number(r.dst), Number(r.event)],
  );
  const { core, events } = cycleCore(pending, edges);
  if (core.size === 0)
    throw new Error("sharded composition stalled without a cycle: the shards' tables are inconsistent");
  await run("update shard.edge set forced = 2 where forced = 0 and event = any($1::bigint[])", [events]);
  await run(correctForcedEdges(modulus));
  await run("update shard.edge set forced = 1 where forced = 2 and event = any($1::bigint[])", [events]);
  const nodes = [...core].sort((a, b) => a - b);
  await run(`insert into shard.done (node, level, forced) select unnest($1::bigint[]), ${level}, 1`, [nodes]);
  // Their edges inside the core close later: marked, they are not done a second time.
  await run("update shard.node set forced = 1 where node = any($1::bigint[])", [nodes]);
  return nodes;
}

/** The level loop: returns the number of levels and the lots forced on cycles. */
async function propagate(
  run: Run,
  endpoints: ShardEndpoints,
  options: ShardComposeOptions,
): Promise<{ levels: number; cycleNodes: number[] }> {
  const n = endpoints.modulus;
  const cycleNodes: number[] = [];
  const timed = async <T>(kind: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    options.onStatement?.(kind, performance.now() - started);
    return result;
  };
  await timed("first level", () => run(FIRST_DONE));
  for (let level = 0; ; ) {
    await timed("step", () => run(stepMix(n, level)));
    await timed("count", () => run(stepCount(n, level)));
    // The tables grow level by level: fresh statistics each time they may have doubled are enough.
    if ((level & (level + 1)) === 0) await timed("analyze", () => analyzeWork(endpoints));
    await options.afterLevel?.(level);
    level++;
    if ((await timed("next", () => run(nextDone(n, level)))).rowCount) continue;
    const forced = await forceCycleCore(run, n, level);
    if (forced.length === 0) return { levels: level, cycleNodes };
    cycleNodes.push(...forced);
  }
}

/** Gathers every shard's mixes into `shard.result` on the coordinator, all or nothing. */
async function writeResult(
  client: pg.PoolClient,
  modulus: number,
  run: Omit<ShardComposeRun, "cycleNodes"> & { cycleNodes: number[]; seconds: number },
): Promise<number> {
  await client.query("begin");
  try {
    // A fresh table indexed once filled, swapped in: cheaper than deleting the last run's rows and
    // keeping the primary key up to date row by row (a third of a 5 M-edge run went to the result).
    await client.query(
      `create table shard.result_next (node bigint not null, bucket integer not null, share double precision not null)`,
    );
    const { rowCount } = await client.query(
      `insert into shard.result_next (node, bucket, share) ${finalMixes(modulus)}`,
    );
    await client.query("alter table shard.result_next add primary key (node, bucket)");
    await client.query("drop table shard.result");
    await client.query("alter table shard.result_next rename to result");
    await client.query("alter index shard.result_next_pkey rename to result_pkey");
    await client.query("analyze shard.result");
    await client.query(
      `insert into shard.run (nodes, edges, levels, cycle_nodes, rows, seconds)
       values ($1, $2, $3, $4::bigint[], $5, $6)`,
      [run.nodes, run.edges, run.levels, run.cycleNodes, rowCount ?? 0, run.seconds],
    );
    await client.query("commit");
    return rowCount ?? 0;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  }
}

export async function streamResult(
  client: pg.PoolClient | pg.Pool,
  onMix: (row: ShardMixRow) => void,
): Promise<void> {
  const { rows: has } = await client.query("select to_regclass('public.lots') is not null as lots");
  const withLots = Boolean(has[0]?.lots);
  let node = -1;
  let bucket = -1;
  for (;;) {
    const { rows } = await client.query(resultPage(node, bucket, PAGE, withLots));
    for (const r of rows)
      onMix({
        node: Number(r.node),
        lot: r.lot === null ? undefined : String(r.lot),
        bucket: Number(r.bucket),
        share: Number(r.share),
      });
    const last = rows.at(-1);
    if (rows.length < PAGE || last === undefined) return;
    node = Number(last.node);
    bucket = Number(last.bucket);
  }
}

/**
 * Composition of every node on the shards, driven from here one `INSERT … SELECT` per step (not a
 * recursive CTE, which can aggregate neither in PostgreSQL nor in Citus). Push form of Kahn's
 * algorithm: the lots done at a level send their mix along their edges (a join inside each shard,
 * summed there per destination), each destination counts the edges closed, and a lot whose every
 * edge is closed is done at the next level. A level that releases nothing with lots left means a
 * cycle: its core goes to unknown and the walk goes on.
 */
export async function runShardComposition(
  endpoints: ShardEndpoints,
  onMix: (row: ShardMixRow) => void,
  options: ShardComposeOptions = {},
): Promise<ShardComposeRun> {
  const started = performance.now();
  await resetShards(endpoints);
  const client = await endpoints.coordinator.connect();
  try {
    const run: Run = (sql, values) => client.query(sql, values);
    const { levels, cycleNodes } = await propagate(run, endpoints, options);
    const counts = (await run(COUNTS)).rows[0] as Record<string, string>;
    const summary = { nodes: Number(counts.nodes), edges: Number(counts.edges), levels, cycleNodes };
    let at = performance.now();
    await writeResult(client, endpoints.modulus, {
      ...summary,
      seconds: (at - started) / 1000,
    });
    options.onStatement?.("gather + write result", performance.now() - at);
    at = performance.now();
    await streamResult(client, onMix);
    options.onStatement?.("stream result", performance.now() - at);
    return summary;
  } finally {
    client.release();
  }
}
