import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CreatedApiToken,
  createUser,
  login,
  type Principal,
  principalForToken,
  type Store,
} from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { type CliRun, tempDir } from "./run-cli.ts";
import { runCliAsync } from "./run-cli-async.ts";

const PASSWORD = "first admin password 42";
const SETUP: Principal = { userId: "test", username: "test-setup", role: "admin", via: "cli" };
const dir = tempDir("threadproof-users-");
const db = (name: string) => join(dir, `${name}.db`);

async function withStoreAt<T>(name: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db(name));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Every CLI run of the file starts at once; each test reads its own result. */
let runs: Record<string, CliRun>;

beforeAll(async () => {
  // Stores the commands act on, prepared in process (fast), one per command.
  for (const name of ["token"]) {
    await withStoreAt(name, async (store) => {
      await createUser(store, SETUP, { username: "ann", password: PASSWORD, role: "analyst" });
      await createUser(store, SETUP, { username: "root", password: PASSWORD, role: "admin" });
    });
  }
  const pending = {
    admin: runCliAsync(["users", "add", "root", "--admin", "--db", db("admin")], {
      env: { THREADPROOF_PASSWORD: PASSWORD },
    }),
    piped: runCliAsync(["users", "add", "ann", "--role", "analyst", "--db", db("piped"), "--as", "root"], {
      stdin: `${PASSWORD}\n`,
    }),
    token: runCliAsync([
      "tokens",
      "create",
      "--user",
      "ann",
      "--name",
      "ci",
      "--scope",
      "read",
      "--json",
      "--db",
      db("token"),
    ]),
  };
  runs = Object.fromEntries(
    await Promise.all(Object.entries(pending).map(async ([k, p]) => [k, await p] as const)),
  );
}, 120_000);

describe("threadproof users", () => {
  it("makes the first admin with --admin, the password from THREADPROOF_PASSWORD", async () => {
    expect(runs.admin?.code, runs.admin?.stderr).toBe(0);
    expect(runs.admin?.stdout).toContain("created admin root");
    const session = await withStoreAt("admin", (store) => login(store, "root", PASSWORD));
    expect(session.user.role).toBe("admin");
  });

  it("reads the password from stdin and records who made the account", async () => {
    expect(runs.piped?.code, runs.piped?.stderr).toBe(0);
    const records = await withStoreAt("piped", (store) => store.auditRecords());
    expect(records.map((r) => [r.action, r.subject, r.actor.username, r.actor.via])).toEqual([
      ["user.create", "ann", "root", "cli"],
    ]);
    expect(JSON.stringify(records)).not.toContain(PASSWORD);
  });

  it("refuses a supplier whose party is not in the store, and a short password, writing nothing", async () => {
    await withStoreAt("refused", async (store) => {
      const noParty = { username: "sup", password: PASSWORD, role: "supplier", partyId: "nope" };
      await expect(createUser(store, SETUP, noParty)).rejects.toMatchObject({ code: "not-found" });
      const short = createUser(store, SETUP, { username: "bob", password: "hunter2", role: "viewer" });
      const error = await short.catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "usage" });
      expect((error as Error).message).not.toContain("hunter2");
      expect(await store.userRecords()).toEqual([]);
      expect(await store.auditRecords()).toEqual([]);
    });
  });
});

describe("threadproof tokens create", () => {
  it("prints a working token once and stores only its hash", async () => {
    expect(runs.token?.code, runs.token?.stderr).toBe(0);
    const created = runs.token?.json<CreatedApiToken>();
    expect(created?.scopes).toEqual(["read"]);
    const token = created?.token ?? "";
    await withStoreAt("token", async (store) => {
      const found = await principalForToken(store, token);
      expect(found?.principal).toMatchObject({
        username: "ann",
        role: "analyst",
        via: "token",
        scopes: ["read"],
      });
      expect(JSON.stringify(await store.apiTokenRecords())).not.toContain(token);
    });
  });
});
