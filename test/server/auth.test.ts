import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/app/index.ts";
import { createApp } from "../../src/server/index.ts";
import { batchOf, importMeta, importSummary, sampleParty } from "../contract/sample-records.ts";
import { storeTargets } from "../setup/store-targets.ts";
import { createPrincipals, type RoleClient, TEST_PASSWORD } from "./principals.ts";

const TARGETS = storeTargets("auth");

describe.each(TARGETS)("auth on $kind", (target) => {
  let store: Store;
  let clients: Awaited<ReturnType<typeof createPrincipals>>;
  const reported: unknown[] = [];
  const seen: string[] = [];

  type App = ReturnType<typeof createApp>;
  let app: App;

  /** Every response's headers and body are kept: the secrets test reads them all at the end. */
  async function call(path: string, init: RequestInit = {}, url = "http://localhost"): Promise<Response> {
    const response = await app.request(`${url}${path}`, init);
    const text = await response.clone().text();
    seen.push(`${response.status} ${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")} ${text}`);
    return response;
  }

  function post(path: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
    return call(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  function loginAs(username: string, password: string, url?: string): Promise<Response> {
    const init = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password }),
    };
    return call("/api/auth/login", init, url);
  }

  beforeAll(async () => {
    if (target.skip) return;
    store = await target.open();
    const session = await store.beginImport(importMeta());
    await session.write(batchOf({ parties: [sampleParty(1), sampleParty(2)] }));
    await session.commit(importSummary());
    clients = await createPrincipals(store, { supplierParty: "p1" });
    app = createApp({ store, report: (e) => reported.push(e) });
  });

  afterAll(async () => {
    await store?.close();
  });

  describe.skipIf(target.skip)("POST /api/auth/login", () => {
    it("signs in with an HttpOnly, SameSite=Lax session cookie and hands out the CSRF token", async () => {
      const response = await loginAs("analyst", TEST_PASSWORD);
      expect(response.status).toBe(200);
      const cookie = response.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^tp_session=[\w-]{40,};/);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).toContain("Path=/");
      expect(cookie).not.toContain("Secure");
      const body = (await response.json()) as { user: { role: string }; csrfToken: string };
      expect(body.user.role).toBe("analyst");
      const me = await call("/api/auth/me", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
      expect(await me.json()).toMatchObject({ user: { username: "analyst" }, csrfToken: body.csrfToken });
    });

    it("marks the cookie Secure over https", async () => {
      const response = await loginAs("viewer", TEST_PASSWORD, "https://threadproof.example");
      expect(response.headers.get("set-cookie")).toContain("Secure");
    });

    it("answers a wrong password and an unknown user alike, with 401", async () => {
      const wrong = await loginAs("viewer", "not the password at all");
      const unknown = await loginAs("nobody-here", "not the password at all");
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it("refuses a sixth attempt within a minute with 429 and Retry-After, even with the right password", async () => {
      for (let i = 0; i < 5; i++) expect((await loginAs("admin", `guess number ${i}!`)).status).toBe(401);
      const limited = await loginAs("admin", TEST_PASSWORD);
      expect(limited.status).toBe(429);
      const retry = Number(limited.headers.get("retry-after"));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({ error: { code: "rate-limited" } });
      // Another user from the same address is not locked out.
      expect((await loginAs("supplier", TEST_PASSWORD)).status).toBe(200);
    });

    it("counts failures per username and client address: the same user from another address still signs in", async () => {
      // Behind a trusted proxy the client address is the first X-Forwarded-For hop.
      const proxied = createApp({ store, auth: { trustProxy: true } });
      const from = (address: string, password: string) =>
        proxied.request("/api/auth/login", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
          body: JSON.stringify({ username: "viewer", password }),
        });
      for (let i = 0; i < 5; i++) expect((await from("203.0.113.7", `guess number ${i}!`)).status).toBe(401);
      expect((await from("203.0.113.7", TEST_PASSWORD)).status).toBe(429);
      expect((await from("198.51.100.9", TEST_PASSWORD)).status).toBe(200);
      // Without trustProxy the header is ignored: changing it does not escape the limit.
      for (let i = 0; i < 5; i++) expect((await loginAs("analyst", `guess number ${i}!`)).status).toBe(401);
      const spoofed = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.55" },
        body: JSON.stringify({ username: "analyst", password: TEST_PASSWORD }),
      });
      expect(spoofed.status).toBe(429);
    });
  });

  describe.skipIf(target.skip)("authMiddleware", () => {
    it("refuses an API call without credentials (401) but lets public paths through", async () => {
      const response = await call("/api/users");
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect((await call("/api/health")).status).not.toBe(401);
      expect((await call("/openapi.json")).status).not.toBe(401);
    });

    it("refuses a cookie write without the CSRF header (403) and accepts it with the header", async () => {
      const user = { username: "csrf-check", password: TEST_PASSWORD, role: "viewer" };
      const refused = await post("/api/users", clients.admin.cookieOnly, user);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
      const wrong = await post("/api/users", { ...clients.admin.cookieOnly, "X-CSRF-Token": "forged" }, user);
      expect(wrong.status).toBe(403);
      expect(await store.findUser("csrf-check")).toBeUndefined();
      expect((await post("/api/users", clients.admin.session, user)).status).toBe(201);
    });

    it("needs no CSRF header with a bearer token", async () => {
      const user = { username: "via-token", password: TEST_PASSWORD, role: "analyst" };
      expect((await post("/api/users", clients.admin.bearer, user)).status).toBe(201);
    });

    it("lets only admins manage accounts (403 for the other roles)", async () => {
      for (const role of ["analyst", "viewer", "supplier"] as const) {
        const client = clients[role] as RoleClient;
        expect((await call("/api/users", { headers: client.bearer })).status).toBe(403);
        expect((await call("/api/audit", { headers: client.session })).status).toBe(403);
      }
      expect((await call("/api/users", { headers: clients.admin.session })).status).toBe(200);
    });

    it("scopes a supplier token to its party and keeps an admin token without the admin scope out", async () => {
      const me = await call("/api/auth/me", { headers: clients.supplier.bearer });
      expect(await me.json()).toMatchObject({
        user: { role: "supplier", partyId: "party:p1" },
        via: "token",
      });
      const created = await post("/api/tokens", clients.admin.session, {
        username: "admin",
        name: "no admin scope",
      });
      const { token } = (await created.json()) as { token: string };
      expect((await call("/api/users", { headers: { Authorization: `Bearer ${token}` } })).status).toBe(403);
    });

    it("refuses a write with a read-only token", async () => {
      const created = await post("/api/tokens", clients.admin.session, {
        username: "admin",
        name: "read only",
        scopes: ["read", "admin"],
      });
      const { token } = (await created.json()) as { token: string };
      const bearer = { Authorization: `Bearer ${token}` };
      expect((await call("/api/users", { headers: bearer })).status).toBe(200);
      const write = await post("/api/users", bearer, {
        username: "ro",
        password: TEST_PASSWORD,
        role: "viewer",
      });
      expect(write.status).toBe(403);
    });

    it("refuses a revoked token (401) and the sessions and tokens of a disabled user", async () => {
      const created = await post("/api/tokens", clients.admin.session, {
        username: "analyst",
        name: "to revoke",
      });
      const { token, id } = (await created.json()) as { token: string; id: string };
      const bearer = { Authorization: `Bearer ${token}` };
      expect((await call("/api/auth/me", { headers: bearer })).status).toBe(200);
      expect((await post(`/api/tokens/${id}/revoke`, clients.admin.session)).status).toBe(200);
      expect((await call("/api/auth/me", { headers: bearer })).status).toBe(401);

      expect((await call("/api/auth/me", { headers: clients.viewer.session })).status).toBe(200);
      expect((await post("/api/users/viewer/disable", clients.admin.bearer)).status).toBe(200);
      expect((await call("/api/auth/me", { headers: clients.viewer.session })).status).toBe(401);
      expect((await call("/api/auth/me", { headers: clients.viewer.bearer })).status).toBe(401);
      expect((await loginAs("viewer", TEST_PASSWORD)).status).toBe(401);
    });

    it("ends the session on logout", async () => {
      const response = await loginAs("supplier", TEST_PASSWORD);
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const out = await post("/api/auth/logout", { Cookie: cookie, "X-CSRF-Token": csrfToken });
      expect(out.status).toBe(204);
      expect(out.headers.get("set-cookie")).toMatch(/tp_session=;/);
      expect((await call("/api/auth/me", { headers: { Cookie: cookie } })).status).toBe(401);
    });
  });

  describe.skipIf(target.skip)("audit routes", () => {
    it("lists the account changes newest first and verifies the chain", async () => {
      const list = await call("/api/audit?limit=3", { headers: clients.admin.session });
      const { records } = (await list.json()) as { records: { seq: number; action: string }[] };
      expect(records).toHaveLength(3);
      expect(records[0]?.seq).toBeGreaterThan(records[1]?.seq ?? 0);
      const verify = await call("/api/audit/verify", { headers: clients.analyst.bearer });
      expect(await verify.json()).toMatchObject({ ok: true, records: (await store.auditRecords()).length });
    });
  });

  describe.skipIf(target.skip)("/openapi.json", () => {
    it("describes the auth, account and audit routes", async () => {
      const doc = (await (await call("/openapi.json")).json()) as { paths: Record<string, unknown> };
      for (const path of [
        "/api/auth/login",
        "/api/auth/me",
        "/api/users",
        "/api/tokens/{id}/revoke",
        "/api/audit/verify",
      ])
        expect(Object.keys(doc.paths)).toContain(path);
    });
  });

  describe.skipIf(target.skip)("secrets", () => {
    it("never show a password or token in a response, an audit record or a reported error", async () => {
      const audit = JSON.stringify(await store.auditRecords());
      const secrets = [TEST_PASSWORD, ...Object.values(clients).map((c) => c.token)];
      const everything = [...seen, audit, ...reported.map((e) => String((e as Error)?.stack ?? e))].join(
        "\n",
      );
      expect(seen.length).toBeGreaterThan(30);
      for (const secret of secrets) expect(everything).not.toContain(secret);
      expect(audit).toContain("user.create");
    });
  });
});
