import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The installed command, `bin/threadproof.js` (tsx over the sources). */
export const BIN = join(ROOT, "bin/threadproof.js");

/**
 * What the CLI tests spawn: the same sources bundled once for this run by test/setup/cli-bundle.ts
 * (plain `node`, no tsx start-up per run); the installed command when run outside that setup.
 * Tests that check the installed command itself spawn BIN.
 */
export const CLI_ENTRY = inject("cliBundle") || BIN;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = unknown>(): T;
}

/** Spawns the CLI in its own process, as a user would; no in-process shortcuts. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI_ENTRY, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, THREADPROOF_DB: "", ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const stdout = r.stdout ?? "";
  return {
    code: r.status ?? -1,
    stdout,
    stderr: r.stderr ?? "",
    json: <T>() => JSON.parse(stdout) as T,
  };
}

export function tempDir(prefix = "threadproof-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
