import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../src/app/index.ts";
import { openSqliteStore, openStore } from "../../src/store/index.ts";
import { describeAccountsContract } from "./accounts.contract.ts";
import { describeDocumentsContract } from "./documents.contract.ts";
import { batchOf, importMeta, importSummary, sampleEvent } from "./sample-records.ts";
import { describeScopedDocumentsContract } from "./scoped-documents.contract.ts";
import { describeScopedReadsContract } from "./scoped-reads.contract.ts";
import { describeScreeningContract } from "./screening.contract.ts";
import { describeStoreContract } from "./store.contract.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-sqlite-"));
let files = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("store contract: sqlite", () => {
  describeStoreContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
  describeScreeningContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
  describeScopedReadsContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
  describeScopedDocumentsContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
  describeDocumentsContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
  describeAccountsContract({
    kind: "sqlite",
    fresh: async () => join(dir, `store-${++files}`, "threadproof.db"),
  });
});

describe("openSqliteStore", () => {
  it("reports a path it cannot open as store-unavailable, with the cause", async () => {
    const notADirectory = join(dir, "plain-file");
    writeFileSync(notADirectory, "");
    const error = await openStore(join(notADirectory, "x.db")).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("store-unavailable");
    expect((error as Error).cause).toBeDefined();
  });

  it("reports a file that is not a database as store-unavailable", async () => {
    const notADatabase = join(dir, "not-a.db");
    writeFileSync(notADatabase, "this is not SQLite, just some text that is long enough ".repeat(100));
    const error = await openSqliteStore(notADatabase).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("store-unavailable");
  });

  it("keeps the file in WAL mode and writes event–lot edges with integer keys", async () => {
    const path = join(dir, "edges.db");
    const store = await openSqliteStore(path);
    const session = await store.beginImport(importMeta());
    await session.write(batchOf({ events: [sampleEvent(1), sampleEvent(2)] }));
    await session.commit(importSummary());
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const roles = db
      .prepare("select role, count(*) as n from event_lots group by role order by role")
      .all() as { role: string; n: number }[];
    expect(roles).toEqual([
      { role: "epc", n: 4 },
      { role: "input", n: 2 },
      { role: "input-epc", n: 2 },
      { role: "output", n: 4 },
      { role: "parent", n: 2 },
      { role: "quantity", n: 2 },
    ]);
    const shared = db
      .prepare("select count(distinct lot_key) as n from event_lots where role = 'quantity'")
      .pluck()
      .get();
    expect(shared).toBe(1);
    db.close();
  });
});
