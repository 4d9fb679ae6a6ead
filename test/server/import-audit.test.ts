import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  AppError,
  type ImportSource,
  importAuditEntry,
  importFile,
  type Store,
  verifyAudit,
} from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { runCli, tempDir } from "../e2e/run-cli.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";
import { TEST_ADMIN } from "./principals.ts";

const FILE = "sample/facilities.csv";
const dir = tempDir("threadproof-import-audit-");
const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "import_audit");

afterAll(async () => {
  await databases.dropAll();
});

function source(): ImportSource {
  const bytes = readFileSync(FILE);
  return {
    name: FILE,
    size: bytes.byteLength,
    head: bytes,
    async *open() {
      yield bytes;
    },
  };
}

async function importAudited(store: Store): Promise<void> {
  // An audit record that cannot be written takes the import down with it: one transaction.
  await expect(
    importFile(store, source(), {
      audit: () => {
        throw new AppError("internal", "audit record refused");
      },
    }),
  ).rejects.toThrow();
  expect((await store.stats()).locations).toBe(0);
  expect(await store.importLog()).toEqual([]);
  expect(await store.auditRecords()).toEqual([]);

  const result = await importFile(store, source(), { audit: (log) => importAuditEntry(TEST_ADMIN, log) });
  const records = await store.auditRecords();
  expect(records.map((r) => [r.action, r.subject, r.actor.username])).toEqual([
    ["import", `import:${result.log.id}`, TEST_ADMIN.username],
  ]);
  expect(records[0]?.detail).toMatchObject({ source: FILE, sha256: result.sha256, format: result.format });
  expect((await store.stats()).locations).toBeGreaterThan(0);
}

describe("an import's audit record commits with the import", () => {
  it("on the embedded store", async () => {
    const store = await openStore(join(dir, "audit.db"));
    try {
      await importAudited(store);
    } finally {
      await store.close();
    }
  });

  it.skipIf(!adminUrl)("on PostgreSQL", async () => {
    const store = await openStore(await databases.create());
    try {
      await importAudited(store);
    } finally {
      await store.close();
    }
  });

  it("`threadproof docs add` records the local user as the actor, in the file's transaction", async () => {
    const db = join(dir, "cli.db");
    const doc = join(dir, "bol.txt");
    writeFileSync(doc, "bill of lading BOL-MAEU-5505\n");
    const env = { USER: "analyst-on-laptop" };
    const added = runCli(["docs", "add", doc, "--type", "bol", "--db", db], env);
    expect(added.code, added.stderr).toBe(0);
    const store = await openStore(db);
    try {
      const records = await store.auditRecords();
      expect(records.map((r) => [r.action, r.actor.username, r.actor.via])).toEqual([
        ["document.add", "analyst-on-laptop", "cli"],
      ]);
      expect(await verifyAudit(store)).toMatchObject({ ok: true, records: 1 });
    } finally {
      await store.close();
    }
  });
});
