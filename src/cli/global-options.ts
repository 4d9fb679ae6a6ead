import type { Command } from "commander";

/** Options every command accepts, before or after the command name. */
export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

export const DEFAULT_DB = "threadproof.db";

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** `--db`, else `THREADPROOF_DB`, else `./threadproof.db`. */
export function storeTarget(options: GlobalOptions): string {
  return options.db ?? process.env.THREADPROOF_DB ?? DEFAULT_DB;
}

export function addGlobalOptions(command: Command): Command {
  return command
    .option("--db <path|url>", "store: a SQLite file path or a postgres:// URL (env THREADPROOF_DB)")
    .option("--json", "print machine-readable JSON on stdout");
}
