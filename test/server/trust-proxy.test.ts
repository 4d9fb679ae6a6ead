import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/app/index.ts";
import { createApp, readServerConfig } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { batchOf, importMeta, importSummary, sampleParty } from "../contract/sample-records.ts";
import { createPrincipals, TEST_PASSWORD } from "./principals.ts";

describe("trusted proxy config", () => {
  it("is off by default; the flag wins over THREADPROOF_TRUST_PROXY; true is one proxy", () => {
    expect(readServerConfig({}, {}).trustProxy).toBe(0);
    expect(readServerConfig({}, { THREADPROOF_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(readServerConfig({}, { THREADPROOF_TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(readServerConfig({ trustProxy: "0" }, { THREADPROOF_TRUST_PROXY: "2" }).trustProxy).toBe(0);
  });

  it("refuses a value that is not a proxy count, naming where it came from", () => {
    expect(() => readServerConfig({ trustProxy: "yes" }, {})).toThrow(/--trust-proxy: "yes"/);
    expect(() => readServerConfig({}, { THREADPROOF_TRUST_PROXY: "-1" })).toThrow(/THREADPROOF_TRUST_PROXY/);
  });
});

describe("login limiter behind a trusted proxy (config.trustProxy)", () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "threadproof-trust-proxy-"));
    store = await openStore(join(dir, "store.db"));
    const session = await store.beginImport(importMeta());
    await session.write(batchOf({ parties: [sampleParty(1)] }));
    await session.commit(importSummary());
    await createPrincipals(store, { supplierParty: "p1" });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function login(app: ReturnType<typeof createApp>, username: string, password: string, forwarded: string) {
    return app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": forwarded },
      body: JSON.stringify({ username, password }),
    });
  }

  async function lockOut(app: ReturnType<typeof createApp>, username: string, forwarded: string) {
    for (let i = 0; i < 5; i++)
      expect((await login(app, username, `guess ${i}!`, forwarded)).status).toBe(401);
    expect((await login(app, username, TEST_PASSWORD, forwarded)).status).toBe(429);
  }

  it("with one trusted proxy the client is the address it appended; a client-sent prefix does not escape the limit", async () => {
    const app = createApp({ store, config: readServerConfig({ trustProxy: "1" }, {}) });
    await lockOut(app, "viewer", "203.0.113.7");
    // The client prepends a made-up address; the proxy still appends the real one.
    expect((await login(app, "viewer", TEST_PASSWORD, "192.0.2.1, 203.0.113.7")).status).toBe(429);
    // Another client (another address appended by the proxy) signs in.
    expect((await login(app, "viewer", TEST_PASSWORD, "203.0.113.8")).status).toBe(200);
  });

  it("with two proxies the client is the second address from the right", async () => {
    const app = createApp({ store, config: readServerConfig({}, { THREADPROOF_TRUST_PROXY: "2" }) });
    await lockOut(app, "analyst", "198.51.100.4, 10.0.0.2");
    expect((await login(app, "analyst", TEST_PASSWORD, "6.6.6.6, 198.51.100.4, 10.0.0.3")).status).toBe(429);
    expect((await login(app, "analyst", TEST_PASSWORD, "198.51.100.5, 10.0.0.2")).status).toBe(200);
  });

  it("without the option (default config) X-Forwarded-For is ignored: a new header does not escape the limit", async () => {
    const app = createApp({ store, config: readServerConfig({}, {}) });
    await lockOut(app, "admin", "203.0.113.9");
    expect((await login(app, "admin", TEST_PASSWORD, "203.0.113.10")).status).toBe(429);
  });
});
