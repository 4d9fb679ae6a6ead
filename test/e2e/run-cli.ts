import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/threadproof.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = unknown>(): T;
}

/** Spawns the real binary, as a user would; no in-process shortcuts. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
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
