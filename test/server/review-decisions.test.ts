import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/app/index.ts";
import { loadBundledLists } from "../../src/ingest/index.ts";
import { createApp, type ServerApp } from "../../src/server/index.ts";
import {
  batchOf,
  importMeta,
  importSummary,
  quietParty,
  sampleLocation,
} from "../contract/sample-records.ts";
import { storeTargets } from "../setup/store-targets.ts";
import { createPrincipals, type RoleClient } from "./principals.ts";

// Nothing like a listed name: the screening never produces these pairs as hits.
const quiet = quietParty;
const gin = { ...sampleLocation(7), name: "Riverside Gin", operator: quiet.id };
const huafu = loadBundledLists().entries.find((e) => e.id === "uflpa:aksu-huafu-color-spinning-co-ltd");
if (!huafu) throw new Error("the bundled lists lost Aksu Huafu");

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };

describe.each(storeTargets("reviewapi"))("POST /api/reviews on $kind", ({ skip, open }) => {
  let store: Store;
  let app: ServerApp;
  let clients: Readonly<Record<string, RoleClient>>;
  beforeAll(async () => {
    if (skip) return;
    store = await open();
    const session = await store.beginImport(importMeta("pairs.json"));
    await session.write(batchOf({ parties: [quiet], locations: [gin] }));
    await session.commit(importSummary());
    clients = await createPrincipals(store, { supplierParty: quiet.id });
    app = createApp({ store });
  }, 60_000);
  afterAll(async () => store?.close());

  const call = async (role: string, path: string, body?: unknown, raw?: string) => {
    const res = await app.request(path, {
      method: body === undefined && raw === undefined ? "GET" : "POST",
      headers: { ...clients[role]?.bearer, "Content-Type": "application/json" },
      ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const decisionsNow = async () => (await store.decisionHistory()).length;

  it.skipIf(skip)(
    "refuses bad bodies and unknown ids with a clear 4xx, writing nothing; viewers and suppliers may not decide",
    async () => {
      const valid = { party: quiet.id, entry: huafu.id, status: "dismissed", reason: "different company" };
      const cases: [unknown, number, string, RegExp][] = [
        [{ ...valid, location: gin.id }, 400, "invalid-input", /party or location/],
        [{ entry: huafu.id, status: "dismissed", reason: "x" }, 400, "invalid-input", /party or location/],
        [{ ...valid, entry: undefined }, 400, "invalid-input", /entry/],
        [{ ...valid, reason: "  " }, 400, "invalid-input", /reason/],
        [{ ...valid, status: "maybe" }, 400, "invalid-input", /status/],
        [{ ...valid, party: "party:nobody" }, 404, "not-found", /^party party:nobody: no party/],
        [{ ...valid, party: undefined, location: "loc:none" }, 404, "not-found", /^location loc:none/],
        [{ ...valid, entry: "uflpa:nope" }, 404, "not-found", /^entry uflpa:nope: no list entry/],
      ];
      for (const [body, status, code, message] of cases) {
        const r = await call("analyst", "/api/reviews", body);
        expect(r.status, JSON.stringify(body)).toBe(status);
        const error = r.json.error as { code: string; message: string; issues?: { path: string }[] };
        expect(error.code).toBe(code);
        expect(`${error.message} ${JSON.stringify(error.issues ?? [])}`).toMatch(message);
      }
      expect((await call("analyst", "/api/reviews", undefined, "{not json")).status).toBe(400);
      expect((await call("viewer", "/api/reviews", valid)).status).toBe(403);
      expect((await call("supplier", "/api/reviews", valid)).status).toBe(403);
      expect(await decisionsNow()).toBe(0);
      expect((await store.auditRecords()).filter((a) => a.action === "review.decide")).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "decides a pair the screening does not produce, audits it, and shows its history with names by short id",
    async () => {
      const r = await call("analyst", "/api/reviews", {
        location: gin.id,
        entry: huafu.id,
        status: "confirmed",
        reason: "same shareholder per registry",
      });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        subject: { kind: "location", id: gin.id },
        entryId: huafu.id,
        status: "confirmed",
        decidedOn: "pair",
        user: clients.analyst?.username,
      });
      // A later screen reuses it: the pair is a confirmed hit now, named by its short id.
      const hits = (await call("viewer", "/api/hits?status=confirmed")).json.items ?? [];
      const hit = hits.find((h) => h.hitKey === r.json.hitKey);
      expect(hit?.hit).toMatch(/^hit-[0-9a-f]{12}$/);
      const again = await call("admin", "/api/reviews", {
        location: gin.id,
        entry: huafu.id,
        status: "dismissed",
        reason: "registry corrected",
      });
      expect(again.status).toBe(200);
      const history = (await call("viewer", `/api/hits/${hit?.hit}/decisions`)).json.items ?? [];
      expect(history.map((d) => [d.status, d.current, d.subjectName, d.entryName])).toEqual([
        ["confirmed", false, gin.name, huafu.name],
        ["dismissed", true, gin.name, huafu.name],
      ]);
      expect((await call("viewer", "/api/hits/hit-000000000000/decisions")).json.items).toEqual([]);
      const audited = (await store.auditRecords()).filter((a) => a.action === "review.decide");
      expect(audited.map((a) => [a.subject, a.actor.username, a.beforeHash === undefined])).toEqual([
        [r.json.hitKey, clients.analyst?.username, true],
        [r.json.hitKey, clients.admin?.username, false],
      ]);
    },
  );
});
