import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Cluster, findServerBinaries, startCluster } from "./postgres.ts";

/**
 * A coordinator and N shard clusters on loopback ports, each its own postmaster (run as the
 * `postgres` user when the tests run as root), for the sharded-mode tests and `bench:scale`.
 * `stop` stops each by its pid, also after a failure and after a fault test killed one.
 */
export interface ShardClusters {
  readonly coordinator: Cluster;
  readonly shards: readonly Cluster[];
  /** SIGKILLs the postmaster of shard `i`, as a host that dies would. */
  kill(i: number): void;
  stop(): Promise<void>;
}

/** Why the sharded tests cannot run here, or undefined when they can. */
export function shardSkipReason(): string | undefined {
  const bin = findServerBinaries();
  if (bin === undefined) return "no PostgreSQL server binaries found";
  if (!hasPostgresFdw()) return "postgres_fdw is not installed (Debian: apt-get install postgresql-contrib)";
  return undefined;
}

/** postgres_fdw's control file, where `pg_config --sharedir` or Debian's layout puts extensions. */
function hasPostgresFdw(): boolean {
  const configured = spawnSync("pg_config", ["--sharedir"], { encoding: "utf8" });
  const dirs = configured.status === 0 ? [configured.stdout.trim()] : [];
  const root = "/usr/share/postgresql";
  if (existsSync(root)) dirs.push(...readdirSync(root).map((v) => join(root, v)));
  return dirs.some((d) => existsSync(join(d, "extension", "postgres_fdw.control")));
}

export async function startShardClusters(shards: number): Promise<ShardClusters> {
  const bin = findServerBinaries();
  if (bin === undefined) throw new Error("no PostgreSQL server binaries found");
  const started: Cluster[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((c) => c.stop()));
  };
  try {
    for (let i = 0; i <= shards; i++) started.push(await startCluster(bin));
  } catch (e) {
    await stop();
    throw e;
  }
  const [coordinator, ...rest] = started;
  return {
    coordinator: coordinator!,
    shards: rest,
    kill(i) {
      const pid = Number(readFileSync(rest[i]!.pidFile, "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
    },
    stop,
  };
}
