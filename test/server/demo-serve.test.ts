import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "threadproof-demo-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// `npm start` is `threadproof demo --serve`: the main job, then the UI and API with a demo login.
describe("threadproof demo --serve (what npm start runs)", { timeout: 240_000 }, () => {
  it("prints a URL and a login that work, serves the UI there, and stops cleanly", async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, "bin/threadproof.js"),
        "demo",
        "--serve",
        "--db",
        join(dir, "d.db"),
        "--packages",
        join(dir, "p"),
        "--port",
        "0",
      ],
      { cwd: ROOT, env: { ...process.env, THREADPROOF_DB: "", THREADPROOF_PORT: "" } },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    try {
      const login = await new Promise<RegExpExecArray>((done, fail) => {
        const timer = setInterval(() => {
          const m = /Open (http:\/\/localhost:\d+) and sign in as (\S+) \/ (\S+)/.exec(out);
          if (m) done(m);
          if (m || child.exitCode !== null) clearInterval(timer);
          if (!m && child.exitCode !== null) fail(new Error(`demo exited ${child.exitCode}: ${out}`));
        }, 100);
      });
      const [, url, username, password] = login;
      expect(out).toContain("chain.epcis.jsonld");
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<!doctype html>");
      const signIn = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      const shipments = await fetch(`${url}/api/shipments`, { headers: { cookie } });
      expect(shipments.status).toBe(200);
      expect(((await shipments.json()) as { items: unknown[] }).items.length).toBe(73);
      const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
