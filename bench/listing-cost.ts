/**
 * CPU per request of the four listings `bench:server` mixes in, and of the read model's freshness
 * check, measured alone on the event loop (no load): `npx tsx bench/listing-cost.ts [--store PATH]
 * [--requests N] [--decisions D]`. The listings go through the app in process (`app.request`, the
 * same routing, auth, SQL and JSON as under `serve`), after a warm-up that builds the screening.
 * `--decisions D` also times the freshness check on a scratch store holding D review decisions.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createApiToken, createReadModel, createUser, type Principal, type Store } from "../src/app/index.ts";
import { loadBundledLists } from "../src/ingest/index.ts";
import { createApp } from "../src/server/index.ts";
import { openStore } from "../src/store/index.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const ROOT = resolve(import.meta.dirname, "..");
const STORE = resolve(flag("store", join(ROOT, "bench", ".data", "server-1000000.db")));
const REQUESTS = Number(flag("requests", "400"));
const DECISIONS = Number(flag("decisions", "0"));
const SETUP: Principal = { userId: "bench", username: "bench-setup", role: "admin", via: "cli" };
const READS = [
  "/api/lots?limit=50",
  "/api/parties?limit=50",
  "/api/locations?limit=50",
  "/api/events?limit=50",
];

function cpuUs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return d.user + d.system;
}

/** The freshness check the read model makes each second: the store's change mark (or, before it, every import, list version and decision). */
async function freshnessCheck(store: Store): Promise<unknown> {
  const s = store as Store & { changeMark?: () => Promise<string> };
  if (s.changeMark) return s.changeMark();
  return Promise.all([store.importLog(), store.listVersions(), store.reviewDecisions()]);
}

async function timeFreshness(store: Store, label: string): Promise<void> {
  for (let i = 0; i < 20; i++) await freshnessCheck(store);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const n = 200;
  for (let i = 0; i < n; i++) await freshnessCheck(store);
  console.log(
    `freshness check (${label}): ${((performance.now() - t0) / n).toFixed(3)} ms wall, ${(cpuUs(cpu) / n / 1000).toFixed(3)} ms CPU each`,
  );
}

async function decisionsStore(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-listing-cost-"));
  const store = await openStore(join(dir, "decisions.db"));
  try {
    const entries = loadBundledLists().entries;
    for (let i = 0; i < n; i++) {
      const entry = entries[i % entries.length];
      if (!entry) break;
      await store.saveDecision({
        hitKey: `party:p${i}|${entry.id}`,
        subject: { kind: "party", id: `p${i}` },
        entryId: entry.id,
        fingerprint: "f",
        status: "dismissed",
        reason: "bench",
        user: "bench",
        decidedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      });
    }
    await timeFreshness(store, `${n} review decisions`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const store = await openStore(STORE);
  try {
    const username = `bench-listing-${Date.now()}`;
    await createUser(store, SETUP, { username, password: "bench password 123", role: "analyst" });
    const { token } = await createApiToken(store, SETUP, { username, name: "bench:listing-cost" });
    const app = createApp({ store, readModel: createReadModel(store) });
    const headers = { Authorization: `Bearer ${token}` };
    const get = async (path: string) => {
      const r = await app.request(path, { headers });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.text();
    };
    const w0 = performance.now();
    for (const path of READS) await get(path);
    console.log(`warm-up (screening of the store): ${((performance.now() - w0) / 1000).toFixed(1)} s`);
    for (const path of READS) {
      for (let i = 0; i < 20; i++) await get(path);
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < REQUESTS; i++) await get(path);
      console.log(
        `${path.padEnd(26)} ${((performance.now() - t0) / REQUESTS).toFixed(3)} ms wall, ${(cpuUs(cpu) / REQUESTS / 1000).toFixed(3)} ms CPU per request`,
      );
    }
    await timeFreshness(store, "bench store");
  } finally {
    await store.close();
  }
  if (DECISIONS > 0) await decisionsStore(DECISIONS);
}

await main();
