import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { isAppError } from "../../src/app/index.ts";
import { openPostgresStore, openStore } from "../../src/store/index.ts";
import { describeDocumentsContract } from "./documents.contract.ts";
import { describeScreeningContract } from "./screening.contract.ts";
import { describeStoreContract } from "./store.contract.ts";

const adminUrl = inject("pgUrl");
const skipReason = inject("pgSkipReason");
/** One prefix per test file, one database per test: files and tests never share data. */
const prefix = `threadproof_test_${randomBytes(4).toString("hex")}`;
const created: string[] = [];

function databaseUrl(name: string, password?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (password !== undefined) url.password = password;
  return url.toString();
}

async function createDatabase(): Promise<string> {
  const name = `${prefix}_${created.length + 1}`;
  created.push(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

afterAll(async () => {
  if (!adminUrl || created.length === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const title = adminUrl ? "store contract: postgres" : `store contract: postgres (skipped: ${skipReason})`;

describe.skipIf(!adminUrl)(title, () => {
  describeStoreContract({ kind: "postgres", fresh: createDatabase });
  describeDocumentsContract({ kind: "postgres", fresh: createDatabase });
  describeScreeningContract({ kind: "postgres", fresh: createDatabase });

  describe("openPostgresStore", () => {
    it("prints its location without the password", async () => {
      const url = await createDatabase();
      const withPassword = new URL(url);
      withPassword.password = "s3cret";
      const store = await openStore(withPassword.toString());
      expect(store.location).not.toContain("s3cret");
      expect(store.location).toContain(new URL(url).host);
      await store.close();
    });

    it("reports a server it cannot reach as store-unavailable, with the cause", async () => {
      const error = await openPostgresStore("postgresql://nobody:pw@127.0.0.1:1/none").catch(
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.code).toBe("store-unavailable");
      expect((error as Error).message).not.toContain(":pw@");
      expect((error as Error).cause).toBeDefined();
    });

    it("reports a database that does not exist as store-unavailable", async () => {
      const error = await openStore(databaseUrl(`${prefix}_missing`)).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("store-unavailable");
    });
  });
});
