import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, describe, expect, it } from "vitest";
import type { ServerEnv } from "../../src/server/server-env.ts";
import { serveWeb } from "../../src/server/static-web.ts";

const dist = mkdtempSync(join(tmpdir(), "threadproof-dist-"));
mkdirSync(join(dist, "assets"));
writeFileSync(join(dist, "index.html"), "<!doctype html><div id=root></div>");
writeFileSync(join(dist, "assets/index-abc123.js"), "console.log(1)");
writeFileSync(join(dist, "secret.txt.bak"), "x");
writeFileSync(join(dist, "..", "outside-dist.txt"), "must not be served");

function appWith(root: string) {
  const app = new OpenAPIHono<ServerEnv>();
  app.get("/api/health", (c) => c.json({ ok: true }));
  serveWeb(app, root);
  app.notFound((c) => c.json({ error: { code: "not-found", message: "no route" } }, 404));
  return app;
}

afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(dist, "..", "outside-dist.txt"), { force: true });
});

describe("serveWeb", () => {
  const app = appWith(dist);

  it("serves built files, fingerprinted assets as immutable", async () => {
    const r = await app.request("/assets/index-abc123.js");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/javascript/);
    expect(r.headers.get("cache-control")).toMatch(/immutable/);
  });

  it("answers any UI path with index.html, ids with dots and colons included", async () => {
    for (const path of [
      "/",
      "/review",
      "/lots/urn:epc:class:lgtin:0614141.012345.L1",
      "/lots/BOL-MAEU-5505",
    ]) {
      const r = await app.request(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/text\/html/);
      expect(r.headers.get("cache-control")).toBe("no-cache");
      expect(await r.text()).toContain("id=root");
    }
  });

  it("leaves /api to the API and a missing asset to a 404", async () => {
    expect(await (await app.request("/api/health")).json()).toEqual({ ok: true });
    expect((await app.request("/api/nothing")).status).toBe(404);
    expect((await app.request("/assets/gone-123.js")).status).toBe(404);
  });

  it("never serves a file outside the build folder", async () => {
    for (const path of [
      "/../outside-dist.txt",
      "/%2e%2e/outside-dist.txt",
      "/assets/..%2f..%2foutside-dist.txt",
    ]) {
      const r = await app.request(path);
      expect(await r.text(), path).not.toContain("must not be served");
    }
  });

  it("says how to build the UI when there is no build", async () => {
    const r = await appWith(join(dist, "missing")).request("/review");
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/npm run build:web/);
  });
});
