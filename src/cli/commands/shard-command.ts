import { readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  AppError,
  balanceSharded,
  composeLotsSharded,
  type LotComposition,
  loadShards,
  type ShardCluster,
  type Store,
  traceLotSharded,
} from "../../app/index.ts";
import { openShardCluster, openStore } from "../../store/index.ts";
import { addGlobalOptions, type GlobalOptions, globalOptions, storeTarget } from "../global-options.ts";
import { formatTable, printJson, printJsonLine, printLine, printNote } from "../output.ts";

interface ShardFlags {
  readonly shards?: string;
  readonly config?: string;
}

/** `{ "coordinator"?: URL, "shards": [URL, …] }`: a file an operator keeps beside the hosts' list. */
function readConfig(path: string): { coordinator?: string; shards: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new AppError("invalid-input", `${path}: not a readable JSON shard configuration`, { cause: e });
  }
  const value = parsed as { coordinator?: unknown; shards?: unknown };
  if (!Array.isArray(value.shards) || !value.shards.every((s) => typeof s === "string"))
    throw new AppError("invalid-input", `${path}: "shards" must be a list of postgres:// URLs`);
  if (value.coordinator !== undefined && typeof value.coordinator !== "string")
    throw new AppError("invalid-input", `${path}: "coordinator" must be a postgres:// URL`);
  return {
    ...(value.coordinator === undefined ? {} : { coordinator: value.coordinator }),
    shards: value.shards,
  };
}

/** Shards from `--shards`, else `THREADPROOF_SHARDS`, else `--config` / `THREADPROOF_SHARDS_CONFIG`. */
function shardSetup(flags: ShardFlags, options: GlobalOptions): { coordinator: string; shards: string[] } {
  const list = flags.shards ?? process.env.THREADPROOF_SHARDS;
  const configPath = flags.config ?? process.env.THREADPROOF_SHARDS_CONFIG;
  const config = list === undefined && configPath ? readConfig(configPath) : undefined;
  const shards =
    config?.shards ??
    (list ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (shards.length === 0)
    throw new AppError(
      "usage",
      "no shards: give --shards URL,URL,… or THREADPROOF_SHARDS, or --config FILE (see docs/scale.md)",
    );
  const coordinator = options.db ?? config?.coordinator ?? storeTarget(options);
  if (!/^postgres(ql)?:\/\//i.test(coordinator))
    throw new AppError("usage", "sharded mode needs the store (--db) on PostgreSQL: it is the coordinator");
  return { coordinator, shards };
}

async function withCluster<T>(
  command: Command,
  flags: ShardFlags,
  work: (store: Store, cluster: ShardCluster) => Promise<T>,
): Promise<T> {
  const { coordinator, shards } = shardSetup(flags, globalOptions(command));
  const store = await openStore(coordinator);
  const cluster = openShardCluster(coordinator, shards);
  try {
    return await work(store, cluster);
  } finally {
    await cluster.close();
    await store.close();
  }
}

function withShardOptions(command: Command): Command {
  return addGlobalOptions(
    command
      .option("--shards <urls>", "comma-separated postgres:// URLs of the shards (env THREADPROOF_SHARDS)")
      .option(
        "--config <file>",
        'JSON { "coordinator"?, "shards": [URL, …] } (env THREADPROOF_SHARDS_CONFIG)',
      ),
  );
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

function registerInit(shard: Command): void {
  withShardOptions(
    shard.command("init").description("create the shards' tables and the coordinator's foreign servers"),
  ).action(async (flags: ShardFlags, command: Command) => {
    const names = await withCluster(command, flags, async (_store, cluster) => {
      await cluster.init();
      return cluster.names;
    });
    if (globalOptions(command).json) printJson({ shards: names });
    else printLine(`initialised ${names.length} shards (${names.join(", ")}); any data on them was dropped`);
  });
}

function registerLoad(shard: Command): void {
  withShardOptions(
    shard
      .command("load")
      .description("send the store's composition inputs (lots, lot → lot edges, origin mixes) to the shards")
      .option(
        "--copy",
        "bulk path: COPY each shard's rows straight to it instead of through the coordinator",
      ),
  ).action(async (flags: ShardFlags & { copy?: boolean }, command: Command) => {
    const started = performance.now();
    const loaded = await withCluster(command, flags, (store, cluster) =>
      loadShards(store, cluster, flags.copy === true),
    );
    if (globalOptions(command).json) return printJson(loaded);
    printLine(
      `loaded ${loaded.nodes} lots, ${loaded.edges} edges, ${loaded.seeds} seed mixes (${loaded.path}) in ${seconds(started)}`,
    );
    printLine(
      formatTable(
        ["shard", "lots", "edges", "seeds"],
        loaded.perShard.map((s) => [s.shard, `${s.nodes}`, `${s.edges}`, `${s.seeds}`]),
      ),
    );
  });
}

function registerCompose(shard: Command): void {
  withShardOptions(
    shard.command("compose").description("the origin mix of every lot, computed on the shards"),
  ).action(async (flags: ShardFlags, command: Command) => {
    const json = globalOptions(command).json === true;
    const started = performance.now();
    let exposed = 0;
    const summary = await withCluster(command, flags, (store, cluster) =>
      composeLotsSharded(store, cluster, (lot: LotComposition) => {
        if (lot.xinjiangShare > 0) exposed++;
        if (json) printJsonLine(lot);
      }),
    );
    const text = `${summary.lots} lots composed on the shards in ${seconds(started)}, ${summary.levels} levels, ${summary.edges} lot→lot edges; ${exposed} with a Xinjiang share, ${summary.cycleLots.length} on a cycle`;
    if (json) printNote(text);
    else printLine(text);
  });
}

function registerTrace(shard: Command): void {
  withShardOptions(
    shard
      .command("trace <lot>")
      .description("one lot's shares and listed entities from the last sharded run"),
  ).action(async (lot: string, flags: ShardFlags, command: Command) => {
    const trace = await withCluster(command, flags, (store, cluster) => traceLotSharded(store, cluster, lot));
    if (globalOptions(command).json) return printJson(trace);
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    printLine(
      `${trace.lot}: Xinjiang ${pct(trace.xinjiangShare)}, unknown ${pct(trace.unknownShare)}, worst case ${pct(trace.worstCaseXinjiangShare)}`,
    );
    printLine(
      `  ${trace.ancestors} lots upstream; listed entity in chain: ${trace.listedEntityInChain ? "yes" : "no"}`,
    );
    for (const l of trace.listedLocations) printLine(`  ${l.location}: ${l.entries.join("; ")}`);
  });
}

const PERIODS = ["month", "quarter", "year"] as const;

function registerBalance(shard: Command): void {
  withShardOptions(
    shard
      .command("balance")
      .description("mass balance per location from the last sharded run")
      .option("--period <period>", "also balance per month, quarter or year"),
  ).action(async (flags: ShardFlags & { period?: string }, command: Command) => {
    const period = flags.period as (typeof PERIODS)[number] | undefined;
    if (period !== undefined && !PERIODS.includes(period)) {
      throw new AppError("usage", `--period must be one of ${PERIODS.join(", ")}`);
    }
    const balance = await withCluster(command, flags, (store, cluster) =>
      balanceSharded(store, cluster, period === undefined ? {} : { period }),
    );
    if (globalOptions(command).json) return printJson(balance);
    const kg = (n: number) => `${Math.round(n).toLocaleString("en-US")} kg`;
    // The same table as the single-node `balance`.
    printLine(
      formatTable(
        ["status", "location", "stage", "input", "output", "max output"],
        balance.locations.map((l) => [
          l.status === "exceeded" ? "EXCEEDED" : "ok",
          l.period ? `${l.name ?? l.location} (${l.period})` : (l.name ?? l.location),
          l.stage ?? "unknown",
          kg(l.inputKg),
          kg(l.outputKg),
          kg(l.limitKg),
        ]),
      ),
    );
    const exceeded = balance.locations.filter((l) => l.status === "exceeded");
    printLine(
      `\n${exceeded.length} of ${balance.locations.length} location(s) exceed their inputs × maximum yield`,
    );
    for (const l of exceeded) for (const f of l.flags) printLine(`  ${l.name ?? l.location}: ${f.message}`);
  });
}

function registerStatus(shard: Command): void {
  withShardOptions(
    shard.command("status").description("each shard's reachability and row counts, the last load and run"),
  ).action(async (flags: ShardFlags, command: Command) => {
    const status = await withCluster(command, flags, (_store, cluster) => cluster.status());
    if (globalOptions(command).json) return printJson(status);
    printLine(`coordinator ${status.coordinator}`);
    printLine(
      formatTable(
        ["shard", "url", "up", "lots", "edges", "seeds"],
        status.shards.map((s) => [
          s.shard,
          s.url,
          s.reachable ? "yes" : `NO: ${s.error ?? ""}`,
          `${s.nodes}`,
          `${s.edges}`,
          `${s.seeds}`,
        ]),
      ),
    );
    printLine(status.loaded ? `loaded ${status.loaded.at} (${status.loaded.path})` : "not loaded");
    if (status.lastRun)
      printLine(
        `last run ${status.lastRun.at}: ${status.lastRun.levels} levels, ${status.lastRun.rows} mix rows, ${status.lastRun.seconds.toFixed(2)} s`,
      );
  });
}

/** `threadproof shard init|load|compose|trace|balance|status`: composition on a coordinator and N PostgreSQL shards. */
export function registerShard(program: Command): void {
  const shard = program
    .command("shard")
    .description(
      "sharded composition: the store's PostgreSQL as coordinator, N PostgreSQL shards (docs/scale.md)",
    );
  for (const register of [
    registerInit,
    registerLoad,
    registerCompose,
    registerTrace,
    registerBalance,
    registerStatus,
  ])
    register(shard);
}
