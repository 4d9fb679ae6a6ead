import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.ts";
import { seedSample } from "./api-fixture.ts";
import { createPrincipals } from "./principals.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "threadproof-serve-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `threadproof serve` on a free port; resolves with the URL it prints. */
function serve(db: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin/threadproof.js"), "serve", "--db", db, "--port", "0"],
    {
      cwd: ROOT,
      env: { ...process.env, THREADPROOF_DB: "", THREADPROOF_PORT: "" },
    },
  );
  children.push(child);
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      const url = /listening on (http:\/\/localhost:\d+)/.exec(out)?.[1];
      if (url) {
        clearInterval(timer);
        done({ child, url, output: () => out });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`serve exited ${child.exitCode}: ${out}`));
      }
    }, 50);
  });
}

describe("threadproof serve (real port)", () => {
  it("serves the OpenAPI document and a trace, names its store, and stops cleanly on SIGTERM", async () => {
    const db = join(dir, "served.db");
    const store = await openStore(db);
    await seedSample(store);
    const { analyst } = await createPrincipals(store, { supplierParty: "urn:epc:id:pgln:0800009.00000" });
    await store.close();

    const { child, url, output } = await serve(db);
    expect(output()).toContain(`(store: ${db})`);
    const doc = await fetch(`${url}/openapi.json`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");

    const anonymous = await fetch(`${url}/api/lots/BOL-MAEU-7906/trace`);
    expect(anonymous.status).toBe(401);
    // The graph is built at start in a worker: health says when traces can be answered.
    const end = Date.now() + 30_000;
    for (;;) {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { graph: string };
      if (health.graph === "ready") break;
      expect(health.graph).toBe("building");
      if (Date.now() > end) throw new Error("the trace graph was not ready within 30 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    const trace = await fetch(`${url}/api/lots/BOL-MAEU-7906/trace`, { headers: analyst.bearer });
    expect(trace.status).toBe(200);
    expect(await trace.json()).toMatchObject({ direction: "up", listedEntityInChain: true });

    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain("shutting down");
  }, 120_000);
});
