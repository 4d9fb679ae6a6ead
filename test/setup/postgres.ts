import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Vitest globalSetup: gives the PostgreSQL contract tests a server. `THREADPROOF_TEST_PG_URL`
 * wins; otherwise a private throwaway cluster is started from the server binaries on this
 * machine and stopped at teardown. With neither, the tests are skipped and say why — unless
 * `THREADPROOF_REQUIRE_PG=1` (CI), which makes a missing server a failure.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of a server the tests may create databases on; "" when there is none. */
    pgUrl: string;
    /** Why there is no server, shown in the skipped test's name. */
    pgSkipReason: string;
  }
}

export interface Cluster {
  readonly url: string;
  /** The postmaster's pid file (first line: its pid), for tests that stop a server on purpose. */
  readonly pidFile: string;
  stop(): Promise<void>;
}

const BIN_NEEDED = ["initdb", "postgres", "pg_ctl"];

function hasServer(dir: string): boolean {
  return BIN_NEEDED.every((b) => existsSync(join(dir, b)));
}

/** `pg_config --bindir` first; else the newest /usr/lib/postgresql/<major>/bin (Debian's layout). */
export function findServerBinaries(): string | undefined {
  const configured = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const dir = configured.status === 0 ? configured.stdout.trim() : "";
  if (dir && hasServer(dir)) return dir;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return majors.map((v) => join(root, v, "bin")).find(hasServer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user and give it the dir. */
function runAs(dir: string): (bin: string, args: string[]) => [string, string[]] {
  if (process.getuid?.() !== 0) return (bin, args) => [bin, args];
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  chownSync(dir, uid, gid);
  return (bin, args) => ["runuser", ["-u", "postgres", "--", bin, ...args]];
}

function run(command: [string, string[]]): void {
  const result = spawnSync(command[0], command[1], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command[1].join(" ")} failed (${result.status}): ${result.stderr || result.error}`);
  }
}

async function stopByPid(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  // SIGINT: PostgreSQL's fast shutdown (disconnect clients, no waiting for them).
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // already gone (a fault test killed it)
  }
  for (let waited = 0; waited < 15_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, "SIGKILL");
}

/**
 * If this process dies without running teardown (killed, crashed), a detached watcher stops the
 * server and removes its directory, so no cluster outlives the test run.
 */
function watchForOrphan(dir: string, pidFile: string): number | undefined {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done
    kill -INT "$(head -n 1 '${pidFile}' 2>/dev/null)" 2>/dev/null; sleep 5; rm -rf '${dir}'`;
  const watcher = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  watcher.unref();
  return watcher.pid;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-pg-"));
  const as = runAs(dir);
  const data = join(dir, "data");
  const port = await freePort();
  const pidFile = join(data, "postmaster.pid");
  const watcher = watchForOrphan(dir, pidFile);
  const stop = async () => {
    if (watcher !== undefined) process.kill(watcher, "SIGTERM");
    await stopByPid(pidFile);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(
      as(join(bin, "initdb"), [
        "-D",
        data,
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
      ]),
    );
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(
      as(join(bin, "pg_ctl"), [
        "start",
        "-w",
        "-t",
        "60",
        "-D",
        data,
        "-l",
        join(dir, "server.log"),
        "-o",
        options,
      ]),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, pidFile, stop };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.THREADPROOF_TEST_PG_URL;
  if (given) {
    project.provide("pgUrl", given);
    project.provide("pgSkipReason", "");
    return async () => undefined;
  }
  const bin = findServerBinaries();
  if (bin === undefined) {
    const reason = "no PostgreSQL server binaries found and THREADPROOF_TEST_PG_URL is not set";
    if (process.env.THREADPROOF_REQUIRE_PG === "1") throw new Error(`THREADPROOF_REQUIRE_PG=1 but ${reason}`);
    project.provide("pgUrl", "");
    project.provide("pgSkipReason", reason);
    return async () => undefined;
  }
  const cluster = await startCluster(bin);
  project.provide("pgUrl", cluster.url);
  project.provide("pgSkipReason", "");
  return () => cluster.stop();
}
