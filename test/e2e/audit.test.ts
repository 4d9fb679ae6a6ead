import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { appendAudit, auditHash, type Principal, verifyAudit } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { type CliRun, tempDir } from "./run-cli.ts";
import { runCliAsync } from "./run-cli-async.ts";

const ACTOR: Principal = { userId: "user:ann", username: "ann", role: "analyst", via: "session" };
const dir = tempDir("threadproof-audit-");
const db = (name: string) => join(dir, `${name}.db`);

/** Five records, as five writes would leave them. */
async function chainOfFive(name: string): Promise<void> {
  const store = await openStore(db(name));
  try {
    for (let i = 1; i <= 5; i++) {
      await appendAudit(store, ACTOR, "review.decide", `hit-${i}`, {
        after: { status: "dismissed", i },
        detail: { status: "dismissed", reason: `reason ${i}` },
      });
    }
  } finally {
    await store.close();
  }
}

function tamper(name: string, sql: string): void {
  const connection = new Database(db(name));
  connection.exec(sql);
  connection.close();
}

let runs: Record<string, CliRun>;

beforeAll(async () => {
  for (const name of ["intact", "altered", "deleted", "reordered", "rehashed"]) await chainOfFive(name);
  tamper(
    "altered",
    `update audit_log set detail = '{"status":"confirmed","reason":"reason 2"}' where seq = 2`,
  );
  tamper("deleted", "delete from audit_log where seq = 3");
  // Swap records 2 and 3 (seq is the key, so through a free number).
  tamper(
    "reordered",
    "update audit_log set seq = -1 where seq = 2; update audit_log set seq = 2 where seq = 3; update audit_log set seq = 3 where seq = -1",
  );
  const verify = (name: string) => runCliAsync(["audit", "verify", "--db", db(name)]);
  const pending = {
    intact: verify("intact"),
    altered: verify("altered"),
    deleted: verify("deleted"),
    reordered: verify("reordered"),
  };
  runs = Object.fromEntries(
    await Promise.all(Object.entries(pending).map(async ([k, p]) => [k, await p] as const)),
  );
}, 120_000);

describe("threadproof audit verify", () => {
  it("exits 0 on an intact chain and says how many records it holds", () => {
    expect(runs.intact?.code, runs.intact?.stderr).toBe(0);
    expect(runs.intact?.stdout).toContain("audit chain intact: 5 records");
  });

  it("names an altered record (exit 14)", () => {
    expect(runs.altered?.code).toBe(14);
    expect(runs.altered?.stderr).toContain("audit record 2 (review.decide hit-2) was altered");
  });

  it("names a deleted record", () => {
    expect(runs.deleted?.code).toBe(14);
    expect(runs.deleted?.stderr).toContain("audit record 3 is missing");
  });

  it("names reordered records", () => {
    expect(runs.reordered?.code).toBe(14);
    expect(runs.reordered?.stderr).toContain("audit record 2 follows record 3");
    expect(runs.reordered?.stderr).toContain("reordered");
  });

  it("catches a record rewritten with a recomputed hash by the next record's link", async () => {
    const store = await openStore(db("rehashed"));
    try {
      const [second] = await store.auditRecords({ afterSeq: 1, limit: 1 });
      if (!second) throw new Error("no record 2");
      const forged = { ...second, detail: { status: "confirmed", reason: "forged" } };
      tamper(
        "rehashed",
        `update audit_log set detail = '${JSON.stringify(forged.detail)}', hash = '${auditHash(second.prevHash, forged)}' where seq = 2`,
      );
      expect(await verifyAudit(store)).toMatchObject({ ok: false, seq: 2, problem: "altered" });
    } finally {
      await store.close();
    }
  });
});
