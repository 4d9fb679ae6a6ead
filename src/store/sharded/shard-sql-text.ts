/**
 * SQL text of the sharded composition. Every shard holds plain tables in schema `shard`; the
 * coordinator holds, in its own schema `shard`, partitioned parents whose partitions are foreign
 * tables `shard.<table>_<i>` on server `shard_<i>` (or, with no shards, local tables: the
 * single-node baseline runs the same statements). Node-keyed tables are hashed on the node, the
 * edge table on its source node, all with the same modulus: a frontier ⋈ edges join never leaves
 * a shard, and postgres_fdw ships each shard's join and `GROUP BY` whole (see `stepMix`).
 */

/** Name, columns and the column the table is hash-partitioned on. */
interface ShardTable {
  readonly name: string;
  readonly columns: string;
  readonly key: string;
  readonly indexes: readonly string[];
}

export const SHARD_TABLES: readonly ShardTable[] = [
  {
    name: "node",
    columns: "node bigint not null, indeg integer not null, forced smallint not null default 0",
    key: "node",
    indexes: ["node"],
  },
  {
    name: "edge",
    columns:
      "src bigint not null, dst bigint not null, event bigint not null, frac double precision not null, forced smallint not null default 0",
    key: "src",
    indexes: ["src", "event"],
  },
  {
    name: "seed",
    columns: "node bigint not null, bucket integer not null, share double precision not null",
    key: "node",
    indexes: [],
  },
  // Working tables of one run: lots done per level, the contributions each lot received (its seeds
  // first: a lot's mix is the sum of its inbox), and the edges closed per lot and level.
  {
    name: "done",
    columns: "node bigint not null, level integer not null, forced smallint not null default 0",
    key: "node",
    indexes: ["node", "level"],
  },
  {
    name: "inbox",
    columns: "node bigint not null, bucket integer not null, share double precision not null",
    key: "node",
    indexes: ["node"],
  },
  {
    name: "recv",
    columns: "node bigint not null, level integer not null, n bigint not null",
    key: "node",
    indexes: ["level", "node"],
  },
];

export const WORK_TABLES = ["done", "inbox", "recv"] as const;

/** The tables of one shard, created by `shard init` on the shard itself. */
export function shardTables(): string[] {
  return [
    "drop schema if exists shard cascade",
    "create schema shard",
    ...SHARD_TABLES.flatMap((t) => [
      `create table shard.${t.name} (${t.columns})`,
      ...t.indexes.map((c) => `create index on shard.${t.name} (${c})`),
    ]),
  ];
}

export interface ServerOptions {
  readonly name: string;
  readonly host: string;
  readonly port: string;
  readonly dbname: string;
  readonly user: string;
  readonly password: string | undefined;
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The coordinator's side: one foreign server per shard, the partitioned parents, the result tables. */
export function coordinatorTables(servers: readonly ServerOptions[]): string[] {
  const modulus = Math.max(1, servers.length);
  const local = servers.length === 0;
  const statements = [
    "create schema shard",
    ...(local ? [] : ["create extension if not exists postgres_fdw"]),
    ...servers.flatMap((s) => [
      // async: a step's per-shard scans run at once; batch: inserts routed to a shard go 1000 rows a
      // round trip; remote estimates: the shard plans its own join and the coordinator trusts it.
      `create server ${s.name} foreign data wrapper postgres_fdw options (host ${literal(s.host)},
         port ${literal(s.port)}, dbname ${literal(s.dbname)}, async_capable 'true', batch_size '1000',
         fetch_size '10000', use_remote_estimate 'false', fdw_tuple_cost '0.2', extensions 'postgres_fdw')`,
      `create user mapping for current_user server ${s.name} options (user ${literal(s.user)}${
        s.password === undefined ? "" : `, password ${literal(s.password)}`
      })`,
    ]),
  ];
  for (const t of SHARD_TABLES) {
    statements.push(`create table shard.${t.name} (${t.columns}) partition by hash (${t.key})`);
    for (let i = 0; i < modulus; i++) {
      const bound = `for values with (modulus ${modulus}, remainder ${i})`;
      if (local) {
        statements.push(`create table shard.${t.name}_${i} partition of shard.${t.name} ${bound}`);
        for (const c of t.indexes) statements.push(`create index on shard.${t.name}_${i} (${c})`);
      } else {
        statements.push(
          `create foreign table shard.${t.name}_${i} partition of shard.${t.name} ${bound}
           server ${servers[i]!.name} options (schema_name 'shard', table_name ${literal(t.name)})`,
        );
      }
    }
  }
  statements.push(
    // Written once per completed run, in one transaction: a failed run leaves the last good one.
    `create table shard.result (node bigint not null, bucket integer not null, share double precision not null,
       primary key (node, bucket))`,
    `create table shard.run (id serial primary key, at timestamptz not null default now(), nodes bigint not null,
       edges bigint not null, levels integer not null, cycle_nodes bigint[] not null, rows bigint not null,
       seconds double precision not null)`,
    `create table shard.loaded (at timestamptz not null default now(), fingerprint text not null, path text not null)`,
  );
  return statements;
}

/** `select … union all select …` of one per-shard branch each. */
function branches(shards: number, branch: (i: number) => string): string {
  return Array.from({ length: shards }, (_, i) => branch(i)).join("\n     union all\n     ");
}

function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return n;
}

/** Level 0: every node no edge leads into. */
export const FIRST_DONE =
  "insert into shard.done (node, level) select node, 0 from shard.node where indeg = 0";

/**
 * One step: each shard joins the lots done at `level` (their inboxes, which are their mixes) with
 * the edges leaving them and sums per (destination, bucket) — postgres_fdw ships that join and
 * GROUP BY whole to the shard, which returns partial sums; the coordinator adds the shards'
 * partials up and routes each destination's sum to that destination's shard. An edge of an event
 * on a cycle, or from a lot on one, carries unknown mass instead.
 */
export function stepMix(shards: number, level: number): string {
  const k = int(level);
  return `insert into shard.inbox (node, bucket, share)
   select dst, bucket, sum(share) from (
     ${branches(
       shards,
       (i) => `select e.dst, m.bucket, sum(e.frac * m.share) as share from shard.done_${i} d
       join shard.inbox_${i} m on m.node = d.node join shard.edge_${i} e on e.src = d.node
       where d.level = ${k} and d.forced = 0 and e.forced = 0 group by e.dst, m.bucket
     union all
     select e.dst, 0, sum(e.frac) from shard.done_${i} d
       join shard.edge_${i} e on e.src = d.node where d.level = ${k} and (d.forced = 1 or e.forced = 1)
       group by e.dst`,
     )}) as x
   group by dst, bucket`;
}

/** Kahn's counting, set at a time: how many of each destination's edges the lots done at `level` close. */
export function stepCount(shards: number, level: number): string {
  const k = int(level);
  return `insert into shard.recv (node, level, n)
   select dst, ${k + 1}, sum(n) from (
     ${branches(
       shards,
       (i) => `select e.dst, count(*) as n from shard.done_${i} d
       join shard.edge_${i} e on e.src = d.node where d.level = ${k} group by e.dst`,
     )}) as x
   group by dst`;
}

/** Lots whose every incoming edge is now closed: done at `level`. */
export function nextDone(shards: number, level: number): string {
  const k = int(level);
  return `insert into shard.done (node, level)
   select node, ${k} from (
     ${branches(
       shards,
       (i) => `select r.node from shard.recv_${i} r join shard.recv_${i} t on t.node = r.node
       join shard.node_${i} n on n.node = r.node where t.level = ${k} and n.forced = 0
       group by r.node, n.indeg having sum(r.n) = n.indeg`,
     )}) as x`;
}

/** Lots not done yet, per shard (the cycle check when a level releases nothing). */
export function pendingNodes(shards: number): string {
  return branches(
    shards,
    (i) => `select n.node from shard.node_${i} n left join shard.done_${i} d on d.node = n.node
     where d.node is null`,
  );
}

/** Edges leaving lots not done yet: where a cycle core can be. */
export function pendingEdges(shards: number): string {
  return branches(
    shards,
    (i) => `select e.src, e.dst, e.event from shard.edge_${i} e left join shard.done_${i} d on d.node = e.src
     where d.node is null`,
  );
}

/**
 * An event found on a cycle gives unknown to all its outputs: its edges from lots done earlier
 * already sent their mix, which is taken back and replaced by unknown mass. Edges just forced are
 * marked 2 until this has run, so a later cycle does not correct them twice.
 */
export function correctForcedEdges(shards: number): string {
  return `insert into shard.inbox (node, bucket, share)
   select dst, bucket, sum(share) from (
     ${branches(
       shards,
       (i) => `select e.dst, m.bucket, sum(-e.frac * m.share) as share from shard.edge_${i} e
       join shard.done_${i} d on d.node = e.src join shard.inbox_${i} m on m.node = e.src
       where e.forced = 2 and d.forced = 0 group by e.dst, m.bucket
     union all
     select e.dst, 0, sum(e.frac) from shard.edge_${i} e
       join shard.done_${i} d on d.node = e.src where e.forced = 2 and d.forced = 0 group by e.dst`,
     )}) as x
   group by dst, bucket`;
}

/** Every lot's mix: its inbox summed per bucket, or unknown for a lot on a cycle (one query per shard). */
export function finalMixes(shards: number): string {
  return `select node, bucket, share from (
     ${branches(
       shards,
       (i) => `select m.node, m.bucket, sum(m.share) as share from shard.inbox_${i} m
       join shard.done_${i} d on d.node = m.node where d.forced = 0 group by m.node, m.bucket
     union all
     select d.node, 0, 1 from shard.done_${i} d where d.forced = 1`,
     )}) as x
   where share <> 0`;
}

export const COUNTS = `select (select count(*) from shard.node) as nodes, (select count(*) from shard.edge) as edges`;

export function resultPage(afterNode: number, afterBucket: number, limit: number, withLots: boolean): string {
  const lot = withLots ? "l.id" : "null";
  const join = withLots ? "left join lots l on l.key = r.node" : "";
  return `select r.node, ${lot} as lot, r.bucket, r.share from shard.result r ${join}
   where (r.node, r.bucket) > (${int(afterNode)}, ${int(afterBucket)})
   order by r.node, r.bucket limit ${int(limit)}`;
}
