import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decidePair, type Store } from "../../src/app/index.ts";
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

const gin = { ...sampleLocation(7), name: "Riverside Gin", operator: quietParty.id };
const huafu = loadBundledLists().entries.find((e) => e.id === "uflpa:aksu-huafu-color-spinning-co-ltd");
if (!huafu) throw new Error("the bundled lists lost Aksu Huafu");

type Row = { location: { id: string }; risk: { hits: Record<string, number> } };

// The read model polls the store's change mark (a few index lookups) instead of reading every
// review decision each second; listings count hits once per screening and reuse their statements.
describe.each(storeTargets("freshness"))("read model freshness and listings on $kind", ({ skip, open }) => {
  let store: Store;
  let app: ServerApp;
  // Made once the quiet party is imported (a supplier account is bound to it).
  let clients: Readonly<Record<string, RoleClient>> = {};
  beforeAll(async () => {
    if (skip) return;
    store = await open();
    app = createApp({ store });
  }, 60_000);
  afterAll(async () => store?.close());

  it.skipIf(skip)(
    "the change mark moves on an import and on every decision, not on account writes",
    async () => {
      const empty = await store.changeMark();
      const session = await store.beginImport(importMeta("pairs.json"));
      await session.write(batchOf({ parties: [quietParty], locations: [gin] }));
      expect(await store.changeMark()).toBe(empty);
      await session.commit(importSummary());
      const imported = await store.changeMark();
      expect(imported).not.toBe(empty);
      // Accounts (users, tokens) are not data the read model is built from.
      clients = await createPrincipals(store, { supplierParty: quietParty.id });
      expect(await store.changeMark()).toBe(imported);
      const decide = (status: "confirmed" | "dismissed") =>
        decidePair(store, {
          status,
          reason: "freshness test",
          user: "alice",
          subject: { kind: "location", id: gin.id },
          entryId: huafu.id,
        });
      await decide("confirmed");
      const decided = await store.changeMark();
      expect(decided).not.toBe(imported);
      // A re-decision of the same pair replaces the current one: the mark moves all the same.
      await decide("dismissed");
      const redecided = await store.changeMark();
      expect(redecided).not.toBe(decided);
    },
  );

  it.skipIf(skip)(
    "listings show a decision's hit counts at once and the same page twice; a list version moves the mark",
    async () => {
      const page = async () => {
        const res = await app.request("/api/locations?limit=50&q=riverside", {
          headers: clients.viewer?.bearer ?? {},
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { items: Row[] }).items;
      };
      const hitsOfGin = async () => (await page()).find((r) => r.location.id === gin.id)?.risk.hits;
      // Dismissed, and never produced by the screening: not a hit of the gin's.
      expect(await hitsOfGin()).toEqual({ open: 0, confirmed: 0, dismissed: 0 });
      const review = (status: string) =>
        app.request("/api/reviews", {
          method: "POST",
          headers: { ...clients.analyst?.bearer, "Content-Type": "application/json" },
          body: JSON.stringify({ location: gin.id, entry: huafu.id, status, reason: "listing test" }),
        });
      expect((await review("confirmed")).status).toBe(200);
      expect(await hitsOfGin()).toEqual({ open: 0, confirmed: 1, dismissed: 0 });
      expect(await page()).toEqual(await page());
      // A new list version (here an empty one, so last) moves the change mark too.
      const listed = await store.changeMark();
      await store.addListVersion(
        {
          loadedAt: "2026-11-28T00:00:00Z",
          source: "test",
          format: "json",
          sha256: "cd".repeat(32),
          lists: [],
          entryCount: 0,
        },
        [],
      );
      expect(await store.changeMark()).not.toBe(listed);

      const party = await app.request(`/api/parties?limit=50&q=quiet`, {
        headers: clients.viewer?.bearer ?? {},
      });
      expect(
        ((await party.json()) as { items: { party: { id: string } }[] }).items.map((r) => r.party.id),
      ).toEqual([quietParty.id]);
    },
  );
});
