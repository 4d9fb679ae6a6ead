import { afterEach, describe, expect, it } from "vitest";
import { hitIdOf, type ListVersion, type ReviewDecision, type Store } from "../../src/app/index.ts";
import { type ListEntry, parseListFile } from "../../src/ingest/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { ContractTarget } from "./store.contract.ts";

const LIST_CSV = `name,aliases,chinese_names,section,date
"Xinjiang Tianshan Wool Textile Co. Ltd.",Tianshan Wool,新疆天山毛纺织股份有限公司,2(d)(2)(B)(ii),2023-09-26
"Huafu Fashion Co., Ltd.",,华孚时尚股份有限公司,2(d)(2)(B)(v),2025-01-15
`;

function entries(): readonly ListEntry[] {
  return parseListFile(LIST_CSV, "list.csv").entries;
}

function versionMeta(sha256: string): Omit<ListVersion, "version"> {
  return {
    loadedAt: "2026-11-28T01:00:00.000Z",
    source: "list.csv",
    format: "csv",
    sha256,
    lists: ["uflpa"],
    asOf: "2025-01-15",
    entryCount: 2,
  };
}

function decision(status: ReviewDecision["status"], reason: string): ReviewDecision {
  return {
    hitKey: "party:party:huafu|uflpa:huafu-fashion-co-ltd",
    subject: { kind: "party", id: "party:huafu" },
    entryId: "uflpa:huafu-fashion-co-ltd",
    fingerprint: "f1",
    status,
    reason,
    user: "reviewer",
    decidedAt: "2026-11-28T01:30:00.000Z",
  };
}

/** List versions and review decisions: the spec every Store adapter passes. */
export function describeScreeningContract(target: ContractTarget): void {
  const open: Store[] = [];
  const openNew = async (): Promise<Store> => {
    const store = await openStore(await target.fresh());
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  describe("list versions", () => {
    it("has no stored version until one is loaded (the bundled snapshot is version 1)", async () => {
      const store = await openNew();
      expect(await store.listVersions()).toEqual([]);
      expect(await store.listEntries(2)).toEqual([]);
    });

    it("numbers versions from 2 and reads entries back exactly, in id order", async () => {
      const store = await openNew();
      const first = await store.addListVersion(versionMeta("a"), entries());
      const second = await store.addListVersion(versionMeta("b"), entries().slice(0, 1));
      expect([first.version, second.version]).toEqual([2, 3]);
      expect(await store.listVersions()).toEqual([first, second]);
      const sorted = [...entries()].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(await store.listEntries(2)).toEqual(sorted);
      expect(await store.listEntries(3)).toHaveLength(1);
      expect((await store.listEntries(2))[1]?.chineseNames).toEqual(["新疆天山毛纺织股份有限公司"]);
    });
  });

  describe("review decisions", () => {
    it("keeps the latest decision per hit", async () => {
      const store = await openNew();
      expect(await store.reviewDecisions()).toEqual([]);
      await store.saveDecision(decision("confirmed", "same company"));
      await store.saveDecision(decision("dismissed", "different registration number"));
      expect(await store.reviewDecisions()).toEqual([decision("dismissed", "different registration number")]);
    });

    it("keeps every decision in the history, in the order made, filtered by hit, subject or entry", async () => {
      const store = await openNew();
      const other: ReviewDecision = {
        ...decision("dismissed", "another party"),
        hitKey: "location:loc:1|uflpa:huafu-fashion-co-ltd",
        subject: { kind: "location", id: "loc:1" },
        listVersion: 2,
        decidedOn: "pair",
      };
      await store.saveDecision(decision("confirmed", "same company"));
      await store.saveDecision(other);
      await store.saveDecision(decision("dismissed", "different registration number"));
      const huafu = [
        decision("confirmed", "same company"),
        decision("dismissed", "different registration number"),
      ];
      expect(await store.decisionHistory()).toEqual([huafu[0], other, huafu[1]]);
      expect(await store.decisionHistory({ hitKey: decision("confirmed", "").hitKey })).toEqual(huafu);
      // By the short id `screen` prints, as the web queue names a hit.
      expect(await store.decisionHistory({ hit: hitIdOf(decision("confirmed", "").hitKey) })).toEqual(huafu);
      expect(await store.decisionHistory({ hit: hitIdOf(other.hitKey) })).toEqual([other]);
      expect(await store.decisionHistory({ hit: "hit-000000000000" })).toEqual([]);
      expect(await store.decisionHistory({ subject: { kind: "location", id: "loc:1" } })).toEqual([other]);
      expect(await store.decisionHistory({ subject: { kind: "party", id: "loc:1" } })).toEqual([]);
      expect(await store.decisionHistory({ entryId: "uflpa:huafu-fashion-co-ltd" })).toHaveLength(3);
      expect(await store.decisionHistory({ entryId: "uflpa:other" })).toEqual([]);
      expect(await store.reviewDecisions()).toHaveLength(2);
    });
  });
}
