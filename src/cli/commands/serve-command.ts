import { once } from "node:events";
import type { Command } from "commander";
import { createMatchPool, createReadModel, type Store } from "../../app/index.ts";
import type { ServerConfig, ServerFlags } from "../../server/index.ts";
import { openStore } from "../../store/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printLine, printNote } from "../output.ts";

/**
 * The server (Hono, its routes, the OpenAPI schemas) is loaded only by the commands that serve:
 * every other command starts without paying for it.
 */
const loadServer = () => import("../../server/index.ts");

export interface ServeFlags {
  readonly host?: string;
  readonly port?: string;
  readonly uploadLimit?: string;
  readonly matchWorkers?: string;
  readonly trustProxy?: string;
}

function reportError(error: unknown): void {
  printNote(
    `threadproof: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

/**
 * Nice steps the match workers run below the rest of the server: a busy batch then takes what the
 * event loop and the trace worker leave, instead of an equal share of a 2-core machine.
 */
const MATCH_NICE = 5;

/** Resolves on the first SIGTERM or SIGINT. */
async function untilStopped(): Promise<string> {
  const controller = new AbortController();
  const signals = ["SIGTERM", "SIGINT"] as const;
  const waits = signals.map((s) => once(process, s, { signal: controller.signal }).then(() => s));
  const signal = await Promise.race(waits);
  controller.abort();
  await Promise.allSettled(waits);
  return signal;
}

/** The server's settings from the flags and the environment (THREADPROOF_PORT, …). */
export async function readServeConfig(flags: ServerFlags): Promise<ServerConfig> {
  return (await loadServer()).readServerConfig(flags);
}

/**
 * Serves the API (and the web UI) on an open store until SIGTERM or SIGINT, then stops accepting
 * requests and lets open ones finish; the caller closes the store. `ready` runs once the port is bound.
 */
export async function serveStore(
  store: Store,
  config: ServerConfig,
  ready: (url: string) => void = () => undefined,
): Promise<void> {
  const { createApp, createTraceWorker, inThreadTraceService, startLowered, startServer } =
    await loadServer();
  // Match batches run in worker threads so they do not hold up traces and reads; at a lower
  // priority (Linux), so that on a small machine the event loop and the trace worker go first.
  const matchPool =
    config.matchWorkers > 0
      ? startLowered(MATCH_NICE, () => createMatchPool(config.matchWorkers)).value
      : undefined;
  const readModel = createReadModel(store, matchPool ? { matchPool } : {});
  // The trace graph is built at once, in a worker with its own connection (a SQLite file's path;
  // a PostgreSQL URL as given, since `store.location` hides its password), off the event loop.
  const traces = createTraceWorker(store.kind === "sqlite" ? store.location : config.db, {
    fallback: inThreadTraceService(store, readModel),
  });
  const server = await startServer(
    createApp({ store, config, report: reportError, readModel, traces }),
    config.host,
    config.port,
  ).catch(async (error: unknown) => {
    await matchPool?.close();
    await traces.close();
    throw error;
  });
  const url = `http://localhost:${server.port}`;
  printLine(`threadproof API listening on ${url} (store: ${store.location})`);
  ready(url);
  const signal = await untilStopped();
  printNote(`threadproof: ${signal}, shutting down`);
  await server.close();
  await matchPool?.close();
  await traces.close();
}

export function addServeOptions(command: Command): Command {
  return command
    .option("--host <host>", "interface to listen on (env THREADPROOF_HOST, default 127.0.0.1)")
    .option("--port <port>", "port, 0 for any free one (env THREADPROOF_PORT, default 8080)")
    .option("--upload-limit <size>", "largest upload, e.g. 100mb (env THREADPROOF_UPLOAD_LIMIT)")
    .option(
      "--match-workers <n>",
      "worker threads for /api/match (env THREADPROOF_MATCH_WORKERS, default min(2, cores); 0 = on the event loop)",
    )
    .option(
      "--trust-proxy <n>",
      "proxies in front that append to X-Forwarded-For; the login limit then keys on the client they saw (env THREADPROOF_TRUST_PROXY, default 0 = socket address)",
    );
}

export function registerServe(program: Command): void {
  addGlobalOptions(
    addServeOptions(
      program
        .command("serve")
        .description("serve the HTTP API (OpenAPI document at /openapi.json, reference at /api/docs)"),
    ),
  ).action(async (flags: ServeFlags, command: Command) => {
    const config = await readServeConfig({ ...flags, db: globalOptions(command).db });
    const store = await openStore(config.db);
    try {
      await serveStore(store, config);
    } finally {
      await store.close();
    }
  });
}
