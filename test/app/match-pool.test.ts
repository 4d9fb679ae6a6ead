import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOne } from "../../src/app/check-name.ts";
import { createReadModel, matchBatch } from "../../src/app/index.ts";
import { createMatchPool } from "../../src/app/match-pool.ts";
import { createScreener } from "../../src/app/screener.ts";
import { loadBundledLists } from "../../src/ingest/index.ts";
import { openStore } from "../../src/store/index.ts";

const entries = loadBundledLists().entries;
const screener = createScreener({ entries });
const lists = { key: "bundled", entries, threshold: screener.threshold };

// Listed names (exact and altered), a Chinese name, unrelated names, an address in Xinjiang.
const first = entries[0];
const queries = [
  ...entries.slice(0, 6).map((e) => ({ name: e.name })),
  { name: `${first?.name ?? "x"} Co., Ltd.`, country: "CN" },
  { name: "Acme Spinning Mills", address: "Aksu, Xinjiang", country: "CN" },
  { name: "Totally Unrelated Weaving Partners LLC" },
  { name: "新疆" },
];

describe("match pool", () => {
  const pool = createMatchPool(2);
  afterAll(() => pool.close());

  it("gives the in-thread matcher's results, in order, across workers and concurrent batches", async () => {
    const expected = queries.map((q) => checkOne(screener, q));
    expect(expected.some((r) => r.results.some((m) => m.match))).toBe(true);
    const batches = await Promise.all([0, 1, 2, 3].map(() => pool.match(lists, queries)));
    for (const got of batches) expect(got).toEqual(expected);
  });

  it("answers a /api/match batch through the pool as on the request thread, twice on the same lists", async () => {
    const dir = mkdtempSync(join(tmpdir(), "threadproof-match-batch-"));
    const store = await openStore(join(dir, "match.db"));
    try {
      const keyed = Object.fromEntries(queries.map((q, i) => [`q${i}`, q]));
      const inThread = await matchBatch(createReadModel(store), keyed);
      expect(Object.values(inThread.responses).some((r) => r.results.some((m) => m.match))).toBe(true);
      const pooled = createReadModel(store, { matchPool: pool });
      expect(await matchBatch(pooled, keyed)).toEqual(inThread);
      expect(await matchBatch(pooled, keyed)).toEqual(inThread);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rebuilds a worker's screener when the lists change", async () => {
    const fewer = entries.slice(1);
    const other = createScreener({ entries: fewer });
    const q = [{ name: first?.name ?? "x" }];
    const got = await pool.match({ key: "fewer", entries: fewer, threshold: other.threshold }, q);
    expect(got).toEqual(q.map((x) => checkOne(other, x)));
    expect(await pool.match(lists, q)).toEqual(q.map((x) => checkOne(screener, x)));
  });

  it("shuts down cleanly: waiting batches fail, later ones are refused", async () => {
    const own = createMatchPool(1);
    const pending = own.match(lists, queries);
    await own.close();
    await expect(pending).rejects.toThrow(/closed|stopped/);
    await expect(own.match(lists, queries)).rejects.toThrow(/closed/);
    await own.close();
  });

  it("refuses a size below one", () => {
    expect(() => createMatchPool(0)).toThrow(RangeError);
  });
});
