import { type ChildProcess, spawn } from "node:child_process";
import { CLI_ENTRY, ROOT } from "../e2e/run-cli.ts";

/** `threadproof serve` as a real child process on a free loopback port. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGKILL: no shutdown handler runs, the store is left as a crash leaves it. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once("exit", (code) => done(code)));
}

export function startServerProcess(db: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI_ENTRY, "serve", "--db", db, "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, THREADPROOF_DB: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s: ${stderr}`)), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening: ${stderr}`));
    });
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      const port = /listening on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolveStart({
        url: `http://127.0.0.1:${port}`,
        child,
        stderr: () => stderr,
        async kill() {
          child.kill("SIGKILL");
          await exited(child);
        },
        async stop() {
          child.kill("SIGTERM");
          return exited(child);
        },
      });
    });
  });
}
