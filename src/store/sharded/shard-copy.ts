import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { shardOfNode } from "./shard-of-node.ts";

const CHUNK = 1 << 20;

/** Buffered text COPY into one table of one connection, with back-pressure. */
export interface CopyWriter {
  write(line: string): Promise<void>;
  end(): Promise<void>;
}

export function copyWriter(client: pg.PoolClient, table: string, columns: string): CopyWriter {
  const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
  let failure: unknown;
  stream.on("error", (e) => {
    failure = e;
  });
  // One `finished` for the stream's life: racing a fresh one per drain leaked listeners.
  const done = finished(stream);
  done.catch(() => undefined);
  let buffer = "";
  const flush = async () => {
    if (failure) throw failure;
    if (buffer.length === 0) return;
    const ok = stream.write(buffer);
    buffer = "";
    if (!ok) await Promise.race([once(stream, "drain"), done]);
    if (failure) throw failure;
  };
  return {
    async write(line) {
      buffer += line;
      if (buffer.length >= CHUNK) await flush();
    },
    async end() {
      await flush();
      stream.end();
      await done;
      if (failure) throw failure;
    },
  };
}

/**
 * Streams `select` out of the coordinator with COPY TO and each row into the writer of the shard
 * its first column hashes to: the bulk path, where no row passes through postgres_fdw.
 */
export async function copyRouted(
  source: pg.PoolClient,
  select: string,
  writers: readonly CopyWriter[],
): Promise<number[]> {
  const counts = writers.map(() => 0);
  const stream = source.query(copyTo(`copy (${select}) to stdout`));
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (chunk as Buffer).toString("utf8");
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const tab = line.indexOf("\t");
      const shard = shardOfNode(BigInt(line.slice(0, tab)), writers.length);
      counts[shard]!++;
      await writers[shard]!.write(`${line}\n`);
    }
  }
  return counts;
}
