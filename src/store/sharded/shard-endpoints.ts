import pg from "pg";
import { ShardUnavailableError } from "../../app/index.ts";
import { redactUrl } from "../postgres/redact-url.ts";
import { storeError } from "../shared/store-error.ts";
import type { ServerOptions } from "./shard-sql-text.ts";

/** One shard as the coordinator names it, with a direct connection for set-up, COPY and clean-up. */
export interface ShardEndpoint {
  readonly name: string;
  /** The URL without its password. */
  readonly label: string;
  readonly server: ServerOptions;
  readonly pool: pg.Pool;
}

/** The coordinator and its shards; with no shards the coordinator is its own single node. */
export interface ShardEndpoints {
  readonly coordinator: pg.Pool;
  readonly coordinatorLabel: string;
  readonly shards: readonly ShardEndpoint[];
  /** Where direct per-shard statements go: the shards, or the coordinator alone. */
  readonly direct: readonly pg.Pool[];
  /** The number of partitions of every table. */
  readonly modulus: number;
}

function pool(url: string): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5000 });
  // A dropped idle connection is discarded by the pool; without a listener it would crash the process.
  p.on("error", () => undefined);
  return p;
}

function serverOptions(name: string, url: string): ServerOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw storeError("usage", `shard ${name}: not a PostgreSQL URL: ${redactUrl(url)}`, e);
  }
  if (!/^postgres(ql)?:$/.test(u.protocol))
    throw storeError("usage", `shard ${name}: not a postgres:// URL: ${redactUrl(url)}`, undefined);
  return {
    name,
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port || "5432",
    dbname: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password === "" ? undefined : decodeURIComponent(u.password),
  };
}

export function openEndpoints(coordinatorUrl: string, shardUrls: readonly string[]): ShardEndpoints {
  const shards = shardUrls.map((url, i) => {
    const name = `shard_${i}`;
    return { name, label: redactUrl(url), server: serverOptions(name, url), pool: pool(url) };
  });
  const coordinator = pool(coordinatorUrl);
  return {
    coordinator,
    coordinatorLabel: redactUrl(coordinatorUrl),
    shards,
    direct: shards.length === 0 ? [coordinator] : shards.map((s) => s.pool),
    modulus: Math.max(1, shards.length),
  };
}

/** The first shard that does not answer `select 1` within a few seconds, if any. */
export async function unreachableShard(endpoints: ShardEndpoints): Promise<ShardEndpoint | undefined> {
  const answers = await Promise.all(
    endpoints.shards.map(async (s) => {
      const client = new pg.Client({ ...clientOf(s), connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query("select 1");
        return undefined;
      } catch {
        return s;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  return answers.find((s) => s !== undefined);
}

function clientOf(s: ShardEndpoint): pg.ClientConfig {
  const { host, port, dbname, user, password } = s.server;
  return {
    host,
    port: Number(port),
    database: dbname,
    user,
    ...(password === undefined ? {} : { password }),
  };
}

/**
 * Runs one operation of the cluster; a failure names the shard that is down when one is (probed
 * directly, since postgres_fdw's message does not always say which server dropped), else it is a
 * plain store failure.
 */
export async function onShards<T>(
  endpoints: ShardEndpoints,
  what: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ShardUnavailableError) throw e;
    const down = await unreachableShard(endpoints);
    if (down) throw new ShardUnavailableError(`${down.name} (${down.label})`, what, e);
    throw storeError("store-failure", what, e);
  }
}
