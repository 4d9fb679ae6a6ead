import { spawn } from "node:child_process";
import { CLI_ENTRY, type CliRun, ROOT } from "./run-cli.ts";

/**
 * The CLI like `runCli`, but without blocking: independent runs (each on its own store)
 * start together, so a file's several CLI start-ups cost about one.
 */
export function runCliAsync(
  args: readonly string[],
  options: { readonly env?: Record<string, string>; readonly stdin?: string } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, THREADPROOF_DB: "", THREADPROOF_PASSWORD: "", ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? -1, stdout, stderr, json: <T>() => JSON.parse(stdout) as T }),
    );
  });
}
