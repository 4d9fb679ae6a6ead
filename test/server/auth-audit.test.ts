import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, disableUser, type Store, verifyAudit } from "../../src/app/index.ts";
import { createApp } from "../../src/server/index.ts";
import { storeTargets } from "../setup/store-targets.ts";
import { TEST_ADMIN } from "./principals.ts";

const TARGETS = storeTargets("authaudit");
const PASSWORD = "a long passphrase nobody guesses";

describe.each(TARGETS)("sign-ins and sign-outs in the audit trail on $kind", (target) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    if (target.skip) return;
    store = await target.open();
    await createUser(store, TEST_ADMIN, { username: "ana", password: PASSWORD, role: "analyst" });
    await createUser(store, TEST_ADMIN, { username: "old", password: PASSWORD, role: "viewer" });
    await disableUser(store, TEST_ADMIN, "old");
    app = createApp({ store });
  });

  afterAll(async () => {
    await store?.close();
  });

  const login = (username: string, password: string) =>
    app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password }),
    });

  it.skipIf(target.skip)(
    "records a login, each kind of failed login and a logout, never a secret, and the chain verifies",
    async () => {
      const since = (await store.auditRecords()).length;
      expect((await login("ana", "guess")).status).toBe(401);
      expect((await login("nobody", "guess")).status).toBe(401);
      expect((await login("old", PASSWORD)).status).toBe(401);
      const ok = await login("ana", PASSWORD);
      expect(ok.status).toBe(200);
      const cookie = (ok.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { csrfToken } = (await ok.json()) as { csrfToken: string };
      const out = await app.request("/api/auth/logout", {
        method: "POST",
        headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
      });
      expect(out.status).toBe(204);

      const records = (await store.auditRecords()).slice(since);
      expect(records.map((r) => [r.action, r.subject, r.actor.username, r.detail.reason])).toEqual([
        ["session.login-failed", "ana", "anonymous", "wrong password"],
        ["session.login-failed", "nobody", "anonymous", "no such user"],
        ["session.login-failed", "old", "anonymous", "account disabled"],
        ["session.login", "ana", "ana", undefined],
        ["session.logout", "ana", "ana", undefined],
      ]);
      const text = JSON.stringify(records);
      for (const secret of [PASSWORD, "guess", cookie.split("=")[1] ?? "?", csrfToken])
        expect(text).not.toContain(secret);
      expect((await verifyAudit(store)).ok).toBe(true);
    },
  );
});
