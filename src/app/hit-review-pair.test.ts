import { afterAll, describe, expect, it } from "vitest";
import {
  batchOf,
  importMeta,
  importSummary,
  quietParty,
  sampleLocation,
} from "../../test/contract/sample-records.ts";
import { storeTargets } from "../../test/setup/store-targets.ts";
import { loadBundledLists } from "../ingest/index.ts";
import { type Link, linkId, type Party, partyId } from "../model/index.ts";
import { stateHash } from "./audit-trail-chain.ts";
import { isAppError } from "./errors.ts";
import { decidePair, hitKeyOf } from "./hit-review.ts";
import { reviewHistory } from "./hit-review-history.ts";
import { decideHit, openHits } from "./review-hits.ts";
import { screenStore } from "./screen-store.ts";
import type { Store } from "./store.ts";

// Neither name is anything like a listed entity: every pair here is below the threshold.
const quiet = quietParty;
const meadow: Party = { ...quiet, id: partyId("meadow"), name: "Blue Meadow Weaving Co." };
const gin = { ...sampleLocation(7), name: "Riverside Gin", operator: meadow.id };
const entries = loadBundledLists().entries;
const huafu = entries.find((e) => e.id === "uflpa:aksu-huafu-color-spinning-co-ltd");
const xinya = entries.find((e) => e.name === "Anhui Xinya New Materials Co., Ltd.");
if (!huafu || !xinya) throw new Error("the bundled lists lost Aksu Huafu or Anhui Xinya");

async function storeWithParties(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  const session = await store.beginImport(importMeta("pairs.json"));
  await session.write(batchOf({ parties: [quiet, meadow], locations: [gin] }));
  await session.commit(importSummary());
  return store;
}

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected the decision to be refused");
}

const hitsOf = async (store: Store, id: string) =>
  (await screenStore(store)).records.find((r) => r.subject.id === id)?.results ?? [];

describe.each(storeTargets("reviewpairs"))("decidePair on $kind", ({ skip, open }) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it.skipIf(skip)(
    "confirms and dismisses pairs the screening does not produce; re-screens reuse them; history and audit keep every decision",
    async () => {
      const store = await storeWithParties(open);
      stores.push(store);
      expect(await hitsOf(store, quiet.id)).toEqual([]);

      // Validation names the flag and leaves the store as it was.
      const decided = { status: "confirmed", reason: "registry", user: "alice" } as const;
      expect(
        await rejects(
          decidePair(store, { ...decided, subject: { kind: "party", id: "nobody" }, entryId: huafu.id }),
        ),
      ).toEqual({ code: "not-found", message: "--party nobody: no party with this id in the store" });
      expect(
        await rejects(
          decidePair(store, { ...decided, subject: { kind: "party", id: quiet.id }, entryId: "uflpa:nope" }),
        ),
      ).toMatchObject({
        code: "not-found",
        message: expect.stringMatching(/^--entry uflpa:nope: no list entry/),
      });
      expect(
        await rejects(
          decidePair(store, { ...decided, subject: { kind: "location", id: "loc:none" }, entryId: huafu.id }),
        ),
      ).toMatchObject({ code: "not-found", message: expect.stringMatching(/^--location loc:none/) });
      expect(
        await rejects(
          decidePair(store, {
            ...decided,
            reason: " ",
            subject: { kind: "party", id: quiet.id },
            entryId: huafu.id,
          }),
        ),
      ).toMatchObject({ code: "usage" });
      expect(await store.decisionHistory()).toEqual([]);

      // A confirmed pair is a confirmed hit on the next screen (the id as its file spelled it works too).
      const confirmed = await decidePair(store, {
        ...decided,
        subject: { kind: "party", id: "quiet" },
        entryId: huafu.id,
      });
      expect(confirmed).toMatchObject({
        hitKey: hitKeyOf({ kind: "party", id: quiet.id }, huafu.id),
        decidedOn: "pair",
        listVersion: 1,
      });
      expect(
        (await hitsOf(store, quiet.id)).map((m) => [m.entity.id, m.via, m.match, m.review.state]),
      ).toEqual([[huafu.id, "review", true, "confirmed"]]);

      // A dismissed pair, later produced by the screening (a listed owner turns up), is never asked again.
      await decidePair(store, {
        ...decided,
        status: "dismissed",
        reason: "different company",
        user: "bob",
        subject: { kind: "party", id: meadow.id },
        entryId: xinya.id,
      });
      const owner: Party = { ...quiet, id: partyId("xinya"), name: xinya.name };
      const owns: Link = {
        typeName: "link",
        id: linkId("xinya-owns-meadow"),
        kind: "owns",
        from: owner.id,
        to: meadow.id,
        share: 0.6,
        provenance: { source: "owners.json", locator: "link 1" },
      };
      const session = await store.beginImport(importMeta("owners.json"));
      await session.write(batchOf({ parties: [owner], links: [owns] }));
      await session.commit(importSummary());
      const meadowHits = await hitsOf(store, meadow.id);
      expect(meadowHits.map((m) => [m.entity.id, m.via, m.review.state])).toEqual([
        [xinya.id, "owner", "dismissed"],
      ]);
      const stillOpen = (await openHits(store)).map((h) => h.hitKey);
      expect(stillOpen).toContain(hitKeyOf({ kind: "party", id: owner.id }, xinya.id));
      expect(stillOpen).not.toContain(hitKeyOf({ kind: "party", id: meadow.id }, xinya.id));

      // Re-deciding supersedes: the history keeps both, in order, with the current one marked.
      await decideHit(store, {
        hit: confirmed.hitKey,
        status: "dismissed",
        reason: "different registration",
        user: "carol",
      });
      const history = await reviewHistory(store, { subject: { kind: "party", id: "quiet" } });
      expect(history.map((d) => [d.status, d.user, d.decidedOn, d.current])).toEqual([
        ["confirmed", "alice", "pair", false],
        ["dismissed", "carol", "hit", true],
      ]);
      expect(history[0]?.supersededAt).toBe(history[1]?.decidedAt);
      expect((await reviewHistory(store, { entryId: xinya.id })).map((d) => d.user)).toEqual(["bob"]);
      expect(await hitsOf(store, quiet.id)).toEqual([]);

      // Every decision is audited.
      const audited = (await store.auditRecords()).filter((r) => r.action === "review.decide");
      expect(audited.map((r) => [r.subject, r.detail.user])).toEqual([
        [confirmed.hitKey, "alice"],
        [hitKeyOf({ kind: "party", id: meadow.id }, xinya.id), "bob"],
        [confirmed.hitKey, "carol"],
      ]);
      expect(audited[2]?.beforeHash).toBeDefined();
    },
  );

  it.skipIf(skip)("re-opens a confirmed pair when its list entry changes", async () => {
    const store = await storeWithParties(open);
    stores.push(store);
    await decidePair(store, {
      subject: { kind: "location", id: gin.id },
      entryId: huafu.id,
      status: "confirmed",
      reason: "same shareholder",
      user: "alice",
    });
    const changed = entries.map((e) =>
      e.id === huafu.id ? { ...e, aliases: [...e.aliases, "Aksu Huafu"] } : e,
    );
    await store.addListVersion(
      {
        loadedAt: "2026-11-28T02:00:00.000Z",
        source: "list.csv",
        format: "csv",
        sha256: "changed",
        lists: ["uflpa"],
        entryCount: changed.length,
      },
      changed,
    );
    const open_ = await openHits(store);
    expect(open_.filter((h) => h.entity.id === huafu.id).map((h) => [h.subject.id, h.review.state])).toEqual([
      [gin.id, "reopened"],
    ]);
    const [item] = await reviewHistory(store, { subject: { kind: "location", id: gin.id } });
    expect(item).toMatchObject({ current: true, reopened: true, listVersion: 1 });
  });

  it.skipIf(skip)(
    "concurrent decisions on one pair each audit the decision they really superseded",
    async () => {
      const store = await storeWithParties(open);
      stores.push(store);
      const subject = { kind: "party", id: quiet.id } as const;
      await Promise.all(
        ["ann", "bob", "cem", "dia", "eve", "fay"].map((user, i) =>
          decidePair(store, {
            subject,
            entryId: huafu.id,
            status: i % 2 ? "dismissed" : "confirmed",
            reason: `registry check ${i}`,
            user,
          }),
        ),
      );
      const hitKey = hitKeyOf(subject, huafu.id);
      const history = await store.decisionHistory({ hitKey });
      const audits = (await store.auditRecords()).filter((r) => r.subject === hitKey);
      expect(history).toHaveLength(6);
      // Each audit record's before-hash is the decision made just before it on that hit, so the
      // before/after hashes link up into one line; read before the transaction, several would name
      // the same predecessor.
      const links = history.map((d, i) => {
        const audit = audits.find((a) => a.afterHash === stateHash(d));
        const previous = history[i - 1];
        return audit?.beforeHash === (previous === undefined ? undefined : stateHash(previous));
      });
      expect(links).toEqual(history.map(() => true));
    },
  );
});
