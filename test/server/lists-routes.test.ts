import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListEntryPage, ListsSummary } from "../../src/api/index.ts";
import { createReadModel, type Store, updateLists } from "../../src/app/index.ts";
import { loadBundledLists } from "../../src/ingest/index.ts";
import { createApp, type ServerApp } from "../../src/server/index.ts";
import { batchOf, importMeta, importSummary, quietParty } from "../contract/sample-records.ts";
import { storeTargets } from "../setup/store-targets.ts";
import { createPrincipals, type RoleClient } from "./principals.ts";

const bundled = loadBundledLists();
const SIMPLE_LIST = "test/fixtures/lists/simple-list.csv";

describe.each(storeTargets("listsapi"))(
  "GET /api/lists and /api/lists/entries on $kind",
  ({ skip, open }) => {
    let store: Store;
    let app: ServerApp;
    let clients: Readonly<Record<string, RoleClient>>;
    beforeAll(async () => {
      if (skip) return;
      store = await open();
      const session = await store.beginImport(importMeta("lists.json"));
      await session.write(batchOf({ parties: [quietParty] }));
      await session.commit(importSummary());
      clients = await createPrincipals(store, { supplierParty: quietParty.id });
      // recheckMs 0: the list update below is seen by the next request, as a CLI update is within a second.
      app = createApp({ store, readModel: createReadModel(store, { recheckMs: 0 }) });
    }, 60_000);
    afterAll(async () => store?.close());

    const get = async <T>(role: string, path: string) => {
      const res = await app.request(path, { headers: { ...clients[role]?.bearer } });
      return {
        status: res.status,
        json: (await res.json()) as T & { error?: { code: string; message: string } },
      };
    };
    const ids = (page: ListEntryPage) => page.items.map((e) => e.id);

    it.skipIf(skip)(
      "describes the bundled snapshot: version 1, partial, dated, counted per list and section",
      async () => {
        const r = await get<ListsSummary>("viewer", "/api/lists");
        expect(r.status).toBe(200);
        expect(r.json.current).toBe(1);
        expect(r.json.partial).toBe(true);
        expect(r.json.asOf).toBe(bundled.snapshot.asOf);
        expect(r.json.source).toMatch(/partial/);
        expect(r.json.versions).toEqual([]);
        const uflpa = r.json.lists.find((l) => l.list === "uflpa");
        const wro = r.json.lists.find((l) => l.list === "wro");
        expect(uflpa?.entityCount).toBe(bundled.entries.filter((e) => e.list === "uflpa").length);
        expect(uflpa?.countsBySection).toEqual(
          Object.fromEntries(Object.entries(bundled.snapshot.countsBySection).filter(([, n]) => n > 0)),
        );
        expect(wro?.entityCount).toBe(bundled.entries.filter((e) => e.list === "wro").length);
        expect((await get("supplier", "/api/lists")).status).toBe(403);
        expect((await get("supplier", "/api/lists/entries?q=huafu")).status).toBe(403);
      },
    );

    it.skipIf(skip)(
      "finds entries by name, alias or Chinese name, best first, and pages through them",
      async () => {
        const exact = await get<ListEntryPage>(
          "viewer",
          "/api/lists/entries?q=aksu%20huafu%20color%20spinning%20co%20ltd",
        );
        expect(exact.status).toBe(200);
        expect(exact.json.listVersion).toBe(1);
        expect(ids(exact.json)[0]).toBe("uflpa:aksu-huafu-color-spinning-co-ltd");
        const row = exact.json.items[0];
        expect(row).toMatchObject({ list: "uflpa", name: "Aksu Huafu Color Spinning Co., Ltd." });
        expect(row?.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(row).not.toHaveProperty("provenance");

        // Chinese characters and pinyin find the same two Huafu entries (the matcher's index).
        const han = await get<ListEntryPage>("analyst", `/api/lists/entries?q=${encodeURIComponent("华孚")}`);
        const pinyin = await get<ListEntryPage>("analyst", "/api/lists/entries?q=Hua%20Fu");
        const huafu = ["uflpa:aksu-huafu-color-spinning-co-ltd", "uflpa:huafu-fashion-co-ltd"];
        expect(ids(han.json).slice(0, 2).sort()).toEqual(huafu);
        expect(ids(pinyin.json).slice(0, 2).sort()).toEqual(huafu);

        // Every entry with "Xinjiang" in a name, UFLPA only, in pages of 5: the same rows as one page.
        const all = await get<ListEntryPage>("viewer", "/api/lists/entries?q=XINJIANG&list=uflpa&limit=500");
        const xinjiang = bundled.entries.filter(
          (e) =>
            e.list === "uflpa" && [e.name, ...e.aliases, ...e.formerNames].some((n) => /xinjiang/i.test(n)),
        );
        expect(all.json.items.length).toBeGreaterThanOrEqual(xinjiang.length);
        expect(new Set(ids(all.json))).toEqual(new Set([...ids(all.json)]));
        for (const e of xinjiang) expect(ids(all.json)).toContain(e.id);
        expect(all.json.items.every((e) => e.list === "uflpa")).toBe(true);
        const paged: string[] = [];
        let cursor: string | null = "";
        while (cursor !== null) {
          const page: { json: ListEntryPage } = await get<ListEntryPage>(
            "viewer",
            `/api/lists/entries?q=XINJIANG&list=uflpa&limit=5${cursor ? `&cursor=${cursor}` : ""}`,
          );
          paged.push(...ids(page.json));
          cursor = page.json.nextCursor;
        }
        expect(paged).toEqual(ids(all.json));

        // No query: every entry, in id order.
        const every = await get<ListEntryPage>("admin", "/api/lists/entries?limit=500");
        expect(ids(every.json)).toEqual(bundled.entries.map((e) => e.id).sort());
        expect(every.json.nextCursor).toBeNull();
        expect((await get<ListEntryPage>("viewer", "/api/lists/entries?q=zzqqxx")).json.items).toEqual([]);
      },
    );

    it.skipIf(skip)("refuses a bad cursor or list with a 400 naming the field", async () => {
      const cursor = await get("viewer", "/api/lists/entries?cursor=nonsense");
      expect(cursor.status).toBe(400);
      expect(cursor.json.error?.code).toBe("invalid-input");
      const forged = Buffer.from(JSON.stringify({ a: "-3" })).toString("base64url");
      expect((await get("viewer", `/api/lists/entries?cursor=${forged}`)).status).toBe(400);
      const list = await get("viewer", "/api/lists/entries?list=ofac");
      expect(list.status).toBe(400);
      expect(JSON.stringify(list.json)).toMatch(/list/);
    });

    it.skipIf(skip)("after `lists update`, describes and searches the loaded version", async () => {
      await updateLists(store, {
        text: readFileSync(SIMPLE_LIST, "utf8"),
        source: SIMPLE_LIST,
        format: "csv",
        skipInvalid: true,
      });
      const r = await get<ListsSummary>("viewer", "/api/lists");
      expect(r.json.current).toBe(2);
      expect(r.json.partial).toBe(false);
      expect(r.json.source).toBe(SIMPLE_LIST);
      expect(r.json.versions.map((v) => v.version)).toEqual([2]);
      const found = await get<ListEntryPage>("viewer", "/api/lists/entries?q=tianshan%20wool");
      expect(found.json.listVersion).toBe(2);
      expect(found.json.items[0]?.name).toBe("Xinjiang Tianshan Wool Textile Co. Ltd.");
      expect(found.json.items[0]?.effectiveDate).toBe("2023-09-26");
    });
  },
);
