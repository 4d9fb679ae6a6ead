import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  batchOf,
  importMeta,
  importSummary,
  sampleLink,
  sampleParty,
} from "../../test/contract/sample-records.ts";
import { loadBundledLists } from "../ingest/index.ts";
import { openSqliteStore } from "../store/index.ts";
import { entryFingerprint, hitKeyOf } from "./hit-review.ts";
import { screenStore } from "./screen-store.ts";
import { loadTraceContext } from "./trace-context.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-screen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("screenStore", () => {
  it("keeps a confirmed hit the matcher no longer finds, and passes it to what the party owns", async () => {
    const store = await openSqliteStore(join(dir, "confirmed.db"));
    // p1 owns 51 % of p2; neither name is anything like a listed entity.
    const owner = { ...sampleParty(1), name: "Quiet Harbour Knitting Co.", aliases: [], identifiers: [] };
    const owned = { ...sampleParty(2), name: "Blue Meadow Weaving Co.", aliases: [], identifiers: [] };
    const session = await store.beginImport(importMeta());
    await session.write(batchOf({ parties: [owner, owned], links: [sampleLink(1)] }));
    await session.commit(importSummary());
    const xpcc = loadBundledLists().entries.find(
      (e) => e.name === "Xinjiang Production and Construction Corps",
    );
    if (!xpcc) throw new Error("the bundled lists lost the XPCC");
    const subject = { kind: "party", id: owner.id } as const;
    await store.saveDecision({
      hitKey: hitKeyOf(subject, xpcc.id),
      subject,
      entryId: xpcc.id,
      fingerprint: entryFingerprint(xpcc),
      status: "confirmed",
      reason: "registry shows the XPCC as owner",
      user: "alice",
      decidedAt: "2026-11-28T00:00:00.000Z",
      score: 0.62,
    });
    const { records } = await screenStore(store);
    const hitsOf = (id: string) => records.find((r) => r.subject.id === id)?.results ?? [];
    expect(hitsOf(owner.id)).toEqual([
      expect.objectContaining({
        via: "review",
        match: true,
        score: 0.62,
        review: { state: "confirmed", decision: expect.anything() },
      }),
    ]);
    expect(hitsOf(owned.id).map((m) => [m.via, m.entity.name])).toEqual([
      ["owner", "Xinjiang Production and Construction Corps"],
    ]);
    expect((await loadTraceContext(store)).partyHits.get(owner.id)).toHaveLength(1);
    await store.close();
  });
});
