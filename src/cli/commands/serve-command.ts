import { once } from "node:events";
import type { Command } from "commander";
import { createApp, readServerConfig, startServer } from "../../server/index.ts";
import { openStore } from "../../store/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printLine, printNote } from "../output.ts";

interface ServeFlags {
  readonly host?: string;
  readonly port?: string;
  readonly uploadLimit?: string;
}

function reportError(error: unknown): void {
  printNote(
    `threadproof: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

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

export function registerServe(program: Command): void {
  addGlobalOptions(
    program
      .command("serve")
      .description("serve the HTTP API (OpenAPI document at /openapi.json, reference at /api/docs)")
      .option("--host <host>", "interface to listen on (env THREADPROOF_HOST, default 127.0.0.1)")
      .option("--port <port>", "port, 0 for any free one (env THREADPROOF_PORT, default 8080)")
      .option("--upload-limit <size>", "largest upload, e.g. 100mb (env THREADPROOF_UPLOAD_LIMIT)"),
  ).action(async (flags: ServeFlags, command: Command) => {
    const config = readServerConfig({ ...flags, db: globalOptions(command).db });
    const store = await openStore(config.db);
    try {
      const server = await startServer(
        createApp({ store, config, report: reportError }),
        config.host,
        config.port,
      );
      printLine(`threadproof API listening on http://localhost:${server.port} (store: ${store.location})`);
      const signal = await untilStopped();
      printNote(`threadproof: ${signal}, shutting down`);
      await server.close();
    } finally {
      await store.close();
    }
  });
}
