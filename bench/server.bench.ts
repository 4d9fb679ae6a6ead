/**
 * HTTP server load: `npm run bench:server -- [--events N] [--duration S] [--connections C]
 * [--store PATH] [--trace-lots N]`, loopback only. Loads a generated chain of N events (default 100 000; the issue's
 * 1 M sample is `--events 1000000`: about 70 s to load into SQLite and 135 s into PostgreSQL on an
 * idle 2-core machine, much longer on a busy one)
 * into a SQLite store (kept at PATH between runs, default bench/.data/server-N.db) or, with
 * `--store postgres://…`, into that PostgreSQL database (must be empty the first time; loaded once,
 * then reused), starts
 * `threadproof serve` on it as a child process, and drives C clients (default 50) for S seconds
 * (default 60) mixing POST /api/match (10 names each), GET /api/lots/{id}/trace and paged reads
 * with a bearer token, beside a same-run baseline: a static route alone before the mix, and the
 * same route inside the mix. Prints throughput and p50/p99 latency per request type.
 */
import { spawn } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import autocannon, { type Request as LoadRequest, type Result } from "autocannon";
import {
  appendAudit,
  createApiToken,
  createUser,
  generateChain,
  type ImportSource,
  importFile,
  type Principal,
  type Store,
} from "../src/app/index.ts";
import { openStore, redactUrl } from "../src/store/index.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const EVENTS = Number(flag("events", "100000"));
const DURATION = Number(flag("duration", "60"));
const CONNECTIONS = Number(flag("connections", "50"));
const ROOT = resolve(import.meta.dirname, "..");
// bench/.data is gitignored: the loaded store is kept there and reused by later runs.
const STORE_FLAG = flag("store", join(ROOT, "bench", ".data", `server-${EVENTS}.db`));
/** `--store postgres://…`: the server runs on that PostgreSQL database (loaded once, then reused). */
const ON_POSTGRES = /^postgres(ql)?:\/\//.test(STORE_FLAG);
const STORE = ON_POSTGRES ? STORE_FLAG : resolve(STORE_FLAG);
const PREPARE_ONLY = process.argv.includes("--prepare-only");
/** `--profile DIR`: the server writes a V8 CPU profile there (node --cpu-prof) when it stops. */
const PROFILE = flag("profile", "");
/** `--match-workers N` for the server (0: match on its event loop, the pre-pool behaviour). */
const MATCH_WORKERS = flag("match-workers", "");
const MATCH_BATCH = 10;
/**
 * `--trace-lots N`: trace N lots spread evenly over every lot of the store (all tiers, few repeats
 * in a run) instead of the first 2,000 the store lists (raw-cotton lots, traced again and again).
 */
const TRACE_LOTS = Number(flag("trace-lots", "0"));
const SETUP: Principal = { userId: "bench", username: "bench-setup", role: "admin", via: "cli" };

function localSource(path: string): ImportSource {
  const head = new Uint8Array(readFileSync(path).subarray(0, 65536));
  return {
    name: path,
    size: statSync(path).size,
    head,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
  };
}

/** The marker a complete PostgreSQL load leaves, as the renamed file does for SQLite. */
const LOADED_MARK = "bench:server loaded";

async function postgresLoaded(): Promise<boolean> {
  const store = await openStore(STORE);
  try {
    const { events } = await store.stats();
    if (events === 0) return false;
    const records = await store.auditRecords({ newestFirst: true, limit: 1000 });
    if (records.some((r) => r.action === LOADED_MARK)) return true;
    throw new Error(
      `${redactUrl(STORE)} holds ${events} events but no complete bench load: use an empty database`,
    );
  } finally {
    await store.close();
  }
}

function markLoaded(store: Store): Promise<unknown> {
  return appendAudit(store, SETUP, LOADED_MARK, `generated chain of ${EVENTS} events, seed 42`);
}

async function loadStore(): Promise<void> {
  if (ON_POSTGRES ? await postgresLoaded() : existsSync(STORE)) {
    console.log(
      `store ${ON_POSTGRES ? redactUrl(STORE) : STORE} exists: reused (${ON_POSTGRES ? "drop the database" : "delete it"} to reload)`,
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "threadproof-bench-chain-"));
  const started = performance.now();
  // SQLite: load into a side file and rename at the end, so an interrupted load is never reused as
  // complete. PostgreSQL: the load ends with an audit record that says it is complete.
  const loading = ON_POSTGRES ? STORE : `${STORE}.loading`;
  if (!ON_POSTGRES) {
    mkdirSync(dirname(STORE), { recursive: true });
    rmSync(loading, { force: true });
  }
  const store = await openStore(loading);
  try {
    const files = generateChain({ events: EVENTS, seed: 42 }).files.filter(
      (f) => f.name !== "ground-truth.json",
    );
    // Facilities first (master data), then movements and the EPCIS documents.
    files.sort((a, b) => Number(b.name === "facilities.csv") - Number(a.name === "facilities.csv"));
    for (const file of files) {
      const path = join(dir, file.name);
      writeFileSync(path, "");
      for (const chunk of file.chunks) writeFileSync(path, chunk, { flag: "a" });
      const result = await importFile(store, localSource(path), {});
      console.log(`  ${file.name}: ${result.added.events} events, ${result.added.lots} lots`);
    }
    if (ON_POSTGRES) await markLoaded(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!ON_POSTGRES) renameSync(loading, STORE);
  console.log(`loaded ${EVENTS} generated events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface Workload {
  readonly token: string;
  readonly lots: readonly string[];
  readonly names: readonly string[];
}

async function take<T>(items: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

async function spreadLots(store: Store, n: number): Promise<string[]> {
  const all: string[] = [];
  for await (const lot of store.lots()) all.push(lot.id as string);
  const step = Math.max(1, all.length / n);
  const out: string[] = [];
  for (let i = 0; i < all.length && out.length < n; i += step) out.push(all[Math.floor(i)] as string);
  return out;
}

async function prepare(store: Store): Promise<Workload> {
  const username = `bench-${Date.now()}`;
  await createUser(store, SETUP, { username, password: "bench password 123", role: "analyst" });
  const { token } = await createApiToken(store, SETUP, { username, name: "bench:server" });
  const lots =
    TRACE_LOTS > 0
      ? await spreadLots(store, TRACE_LOTS)
      : (await take(store.lots(), 2000)).map((l) => l.id as string);
  const names = (await take(store.parties(), 2000)).map((p) => p.name);
  return { token, lots, names };
}

function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      ...(PROFILE ? ["--cpu-prof", "--cpu-prof-dir", resolve(PROFILE)] : []),
      join(ROOT, "bin/threadproof.js"),
      "serve",
      "--db",
      STORE,
      "--port",
      "0",
      ...(MATCH_WORKERS ? ["--match-workers", MATCH_WORKERS] : []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, THREADPROOF_DB: "" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((done, fail) => {
    let out = "";
    child.once("exit", (code) => fail(new Error(`serve exited with ${code}`)));
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const port = /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      const stop = () =>
        new Promise<void>((stopped) => {
          // Waits for the exit: the CPU profile is written as the server stops.
          child.once("exit", () => stopped());
          child.kill("SIGTERM");
        });
      if (port) done({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function matchBody(names: readonly string[]): string {
  const queries = Object.fromEntries(
    Array.from({ length: MATCH_BATCH }, (_, i) => [`q${i}`, { name: pick(names), schema: "Company" }]),
  );
  return JSON.stringify({ queries });
}

const READS = [
  "/api/lots?limit=50",
  "/api/parties?limit=50",
  "/api/locations?limit=50",
  "/api/events?limit=50",
];

function run(url: string, connections: number, duration: number, w: Workload, kind: string, path: string) {
  const headers = { Authorization: `Bearer ${w.token}`, "Content-Type": "application/json" };
  const request = (): LoadRequest => {
    switch (kind) {
      case "match":
        return { method: "POST", path: "/api/match", body: matchBody(w.names) };
      case "trace":
        return { method: "GET", path: `/api/lots/${encodeURIComponent(pick(w.lots))}/trace` };
      case "reads":
        return { method: "GET", path: pick(READS) };
      default:
        return { method: "GET", path };
    }
  };
  return autocannon({
    url,
    connections,
    duration,
    headers,
    timeout: 30,
    requests: [{ setupRequest: (r) => ({ ...r, ...request() }) }],
  });
}

function row(name: string, r: Result, perRequest = 1): string {
  // autocannon's `errors` counts connection errors including timeouts; `non2xx` is the rest.
  const errors = r.errors + r.non2xx;
  const rate = r.requests.total / r.duration;
  const detail = errors > 0 ? `  (${r.timeouts} of them timeouts, ${r.non2xx} non-2xx)` : "";
  const names = perRequest > 1 ? `  (${Math.round(rate * perRequest)} names/s)` : "";
  return `${name.padEnd(26)} ${String(r.requests.total).padStart(8)} ${rate.toFixed(1).padStart(9)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ${String(errors).padStart(7)}${names}${detail}`;
}

async function main(): Promise<void> {
  await loadStore();
  if (PREPARE_ONLY) return;
  const store = await openStore(STORE);
  const stats = await store.stats();
  const workload = await prepare(store);
  await store.close();
  console.log(`store: ${stats.events} events, ${stats.lots} lots, ${stats.parties} parties`);
  const server = await startServer();
  try {
    const headers = { Authorization: `Bearer ${workload.token}`, "Content-Type": "application/json" };
    const health = await fetch(`${server.url}/api/health`);
    const baseline = health.status === 200 ? "/api/health" : "/api/auth/me";
    // Warm-up: the first trace and match load the graph and the screening index.
    const t0 = performance.now();
    // The server builds the trace graph at start, in a worker; health says when it is ready
    // (traces meanwhile answer 503 not-ready at once).
    for (;;) {
      const graph = ((await (await fetch(`${server.url}/api/health`)).json()) as { graph?: string }).graph;
      if (graph === "ready" || graph === undefined) break;
      if (graph === "failed") throw new Error("the server could not build the trace graph");
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`graph ready ${((performance.now() - t0) / 1000).toFixed(1)} s after the server listened`);
    await fetch(`${server.url}/api/lots/${encodeURIComponent(pick(workload.lots))}/trace`, { headers });
    await fetch(`${server.url}/api/match`, { method: "POST", headers, body: matchBody(workload.names) });
    console.log(`warm-up (graph and screening index): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const alone = await run(
      server.url,
      CONNECTIONS,
      Math.max(5, Math.round(DURATION / 6)),
      workload,
      "static",
      baseline,
    );
    const share = (n: number) => Math.max(1, Math.round((CONNECTIONS * n) / 50));
    const [match, trace, reads, inMix] = await Promise.all([
      run(server.url, share(10), DURATION, workload, "match", ""),
      run(server.url, share(20), DURATION, workload, "trace", ""),
      run(server.url, share(15), DURATION, workload, "reads", ""),
      run(server.url, share(5), DURATION, workload, "static", baseline),
    ]);
    console.log(`\n${CONNECTIONS} connections, ${DURATION} s mixed (baseline alone first), loopback`);
    console.log(
      `${"request".padEnd(26)} ${"requests".padStart(8)} ${"req/s".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}`,
    );
    console.log(row(`${baseline} alone`, alone));
    console.log(row(`${baseline} in the mix`, inMix));
    console.log(row(`POST /api/match ×${MATCH_BATCH}`, match, MATCH_BATCH));
    console.log(row("GET /api/lots/{id}/trace", trace));
    console.log(row("GET reads (4 listings)", reads));
  } finally {
    await server.stop();
  }
}

await main();
