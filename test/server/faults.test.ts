import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createApiToken,
  createUser,
  generateChain,
  type ImportSource,
  importFile,
  type Principal,
} from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { CLI_ENTRY, ROOT } from "../e2e/run-cli.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";
import { type ServerProcess, startServerProcess } from "./faults-server.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-faults-"));
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "faults");
const SETUP: Principal = { userId: "test", username: "fault-setup", role: "admin", via: "cli" };
let chain: string;
let facilities: string;

function localSource(path: string): ImportSource {
  const bytes = readFileSync(path);
  return {
    name: path,
    size: statSync(path).size,
    head: new Uint8Array(bytes.subarray(0, 65536)),
    open: () => createReadStream(path),
  };
}

beforeAll(() => {
  // A generated chain large enough that its import takes seconds (≈ 3,900 events, 3.3 MB).
  const files = generateChain({ events: 4000, seed: 7 }).files;
  for (const file of files.filter((f) => f.name !== "ground-truth.json" && f.name !== "movements.csv"))
    writeFileSync(join(dir, file.name), [...file.chunks].join(""));
  chain = join(dir, "chain.epcis.jsonld");
  facilities = join(dir, "facilities.csv");
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

// The same faults on the embedded store and on PostgreSQL (a scratch database each run).
const STORES: { name: string; skip: boolean; db: () => Promise<string> }[] = [
  { name: "SQLite", skip: false, db: async () => join(dir, "threadproof.db") },
  { name: "PostgreSQL", skip: !adminUrl, db: () => databases.create() },
];

for (const kind of STORES)
  describe.skipIf(kind.skip)(`threadproof serve on ${kind.name} killed with SIGKILL`, () => {
    let DB = "";
    let token = "";
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      DB = await kind.db();
      const store = await openStore(DB);
      await importFile(store, localSource(facilities), {});
      await createUser(store, SETUP, {
        username: "analyst",
        password: "fault test password",
        role: "analyst",
      });
      token = (await createApiToken(store, SETUP, { username: "analyst", name: "faults" })).token;
      await store.close();
    }, 120_000);

    afterAll(async () => {
      await server?.kill();
    });

    const auth = () => ({ Authorization: `Bearer ${token}` });

    async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
      const response = await fetch(`${server?.url}${path}`, {
        ...init,
        headers: { ...auth(), ...init.headers },
      });
      if (!response.ok)
        throw new Error(
          `${path}: ${response.status} ${await response.text()}\n${server?.stderr().slice(-3000)}`,
        );
      return (await response.json()) as T;
    }

    interface Stats {
      events: number;
      lots: number;
      imports: number;
    }

    async function counts(): Promise<Stats> {
      const { counts } = await api<{ counts: Stats }>("/api/stats");
      expect(counts.events).toBeTypeOf("number");
      return counts;
    }
    interface Job {
      id: string;
      status: string;
      progress: { recordsRead: number };
      result?: { added: { events: number; lots: number } };
    }

    function uploadChain(): Promise<Job> {
      return api<Job>("/api/imports?name=chain.epcis.jsonld", { method: "POST", body: readFileSync(chain) });
    }

    async function until(path: string, done: (job: Job) => boolean): Promise<Job> {
      for (;;) {
        const job = await api<Job>(path);
        if (done(job)) return job;
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    function auditVerify(): Promise<{ code: number | null; out: string }> {
      const child = spawn(process.execPath, [CLI_ENTRY, "audit", "verify", "--db", DB], {
        cwd: ROOT,
        env: { ...process.env, THREADPROOF_DB: "" },
      });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
      });
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        out += d;
      });
      return new Promise((done) => child.once("exit", (code) => done({ code, out })));
    }

    it("mid-import: after a restart the import is wholly absent, and a re-import adds the whole file", async () => {
      server = await startServerProcess(DB);
      const before = await counts();
      const job = await uploadChain();
      const running = await until(
        `/api/imports/${job.id}`,
        (j) => j.status !== "queued" && j.progress.recordsRead > 0,
      );
      expect(running.status).toBe("running");
      await server.kill();

      server = await startServerProcess(DB);
      const after = await counts();
      expect([after.events, after.lots, after.imports]).toEqual([before.events, before.lots, before.imports]);
      const again = await uploadChain();
      const done = await until(
        `/api/imports/${again.id}`,
        (j) => j.status === "succeeded" || j.status === "failed",
      );
      expect(done.status).toBe("succeeded");
      // Nothing of the killed import was left behind: the re-import is a clean import, adding every
      // event of the file (as many as it has eventTime fields) and counted in full.
      const fileEvents = (readFileSync(chain, "utf8").match(/"eventTime"/g) ?? []).length;
      expect(done.result?.added.events).toBeGreaterThan(fileEvents * 0.95);
      const final = await counts();
      expect(final.events - before.events).toBe(done.result?.added.events);
      expect(final.imports).toBe(before.imports + 1);
    }, 120_000);

    it("mid-review-decision: the store opens, the hit is decided or not, and `threadproof audit verify` passes", async () => {
      const hits = await api<{ items: { hitKey: string }[] }>("/api/hits?limit=5");
      expect(hits.items.length).toBeGreaterThan(0);
      const key = hits.items[0]?.hitKey ?? "";
      const decision = fetch(`${server?.url}/api/hits/${encodeURIComponent(key)}/decision`, {
        method: "POST",
        headers: { ...auth(), "Content-Type": "application/json" },
        body: JSON.stringify({ status: "confirmed", reason: "same registry number" }),
      }).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 5));
      await server?.kill();
      await decision;

      // Read-only, so it runs beside the restart (SQLite WAL lets both open the file; PostgreSQL MVCC).
      const verifying = auditVerify();
      server = await startServerProcess(DB);
      const reopened = await api<{ items: { hitKey: string; decision?: { status: string } }[] }>(
        "/api/hits?limit=5",
      );
      const hit = reopened.items.find((h) => h.hitKey === key);
      expect(hit === undefined || hit.decision === undefined || hit.decision.status === "confirmed").toBe(
        true,
      );
      expect(await server.stop()).toBe(0);
      server = undefined;
      const verify = await verifying;
      expect(verify.code, verify.out).toBe(0);
    }, 120_000);
  });
