import { afterAll, describe, expect, inject, it } from "vitest";
import { isAppError } from "../../src/app/index.ts";
import { openPostgresStore, openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";
import { describeAccountsContract } from "./accounts.contract.ts";
import { describeDocumentsContract } from "./documents.contract.ts";
import { describeScopedDocumentsContract } from "./scoped-documents.contract.ts";
import { describeScopedReadsContract } from "./scoped-reads.contract.ts";
import { describeScreeningContract } from "./screening.contract.ts";
import { describeStoreContract } from "./store.contract.ts";

const adminUrl = inject("pgUrl");
const skipReason = inject("pgSkipReason");
const databases = scratchDatabases(adminUrl, "test");
const { prefix } = databases;
const createDatabase = (): Promise<string> => databases.create();
const databaseUrl = databases.url;

afterAll(() => databases.dropAll());

const title = adminUrl ? "store contract: postgres" : `store contract: postgres (skipped: ${skipReason})`;

describe.skipIf(!adminUrl)(title, () => {
  describeStoreContract({ kind: "postgres", fresh: createDatabase });
  describeScopedReadsContract({ kind: "postgres", fresh: createDatabase });
  describeScopedDocumentsContract({ kind: "postgres", fresh: createDatabase });
  describeDocumentsContract({ kind: "postgres", fresh: createDatabase });
  describeScreeningContract({ kind: "postgres", fresh: createDatabase });
  describeAccountsContract({ kind: "postgres", fresh: createDatabase });

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
