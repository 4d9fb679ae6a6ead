import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

const SAMPLE_FILES = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];
/** A shipment whose only listed entity is the spinner operated by Anhui Xinya (sample ground truth). */
const SHIPMENT = "BOL-MAEU-7906";
const XINYA = "Anhui Xinya New Materials Co., Ltd.";

interface Hit {
  hit: string;
  hitKey: string;
  entity: { id: string; name: string };
  subject: { kind: string; name: string };
  review: { state: string; decision?: { reason: string; user: string; decidedAt: string; status: string } };
}

interface ScreenLine {
  subject: { kind: string; name: string };
  results: Hit[];
}

function jsonLines<T>(stdout: string): T[] {
  return stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

// Every step spawns the real binary on the sample: minutes on a busy machine, not the default minute.
describe("threadproof review", { timeout: 600_000 }, () => {
  const db = join(tempDir(), "review.db");
  const cli = (...args: string[]) => {
    const r = runCli([...args, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const openHits = () => jsonLines<Hit>(cli("review", "--json").stdout);
  /** Whether the shipment's trace names Anhui Xinya among the listed entities in its chain. */
  const xinyaInChain = () => {
    const trace = cli("trace", SHIPMENT, "--json").json<{
      listedEntityInChain: boolean;
      listedEntities: { listEntry: string }[];
    }>();
    return trace.listedEntities.some((l) => l.listEntry.includes(XINYA));
  };
  const xinyaHits = () =>
    jsonLines<ScreenLine>(cli("screen", "--json").stdout).flatMap((r) =>
      r.results.filter((m) => m.entity.name === XINYA),
    );

  it("lists the open hits of a freshly imported store", () => {
    cli("import", ...SAMPLE_FILES);
    const hits = openHits();
    expect(hits.map((h) => h.entity.name)).toContain(XINYA);
    expect(hits.every((h) => h.review.state === "open")).toBe(true);
  });

  it("dismisses a hit with reason, user and time; the decision persists and tracing drops it", () => {
    expect(
      cli("trace", SHIPMENT, "--json").json<{ listedEntityInChain: boolean }>().listedEntityInChain,
    ).toBe(true);
    expect(xinyaInChain()).toBe(true);
    const hit = openHits().find((h) => h.entity.name === XINYA);
    const r = cli(
      "review",
      "dismiss",
      hit?.hit ?? "",
      "--reason",
      "another company: registration differs",
      "--user",
      "alice",
    );
    expect(r.stdout).toContain("dismissed by alice");
    expect(openHits().map((h) => h.entity.name)).not.toContain(XINYA);
    // Re-screening reuses the decision: the party and the spinner it operates both show it.
    const shown = xinyaHits();
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const m of shown)
      expect(m.review).toMatchObject({
        state: "dismissed",
        decision: { reason: "another company: registration differs", user: "alice", status: "dismissed" },
      });
    // Xinya was the shipment's only listed entity: the chain is clear of listed entities now.
    expect(
      cli("trace", SHIPMENT, "--json").json<{ listedEntityInChain: boolean }>().listedEntityInChain,
    ).toBe(false);
  });

  it("re-opens the decision when the list entry changes, and --since reports only new hits", () => {
    cli("lists", "update", "test/fixtures/lists/versions/uflpa-v2.csv");
    // Same entry content in version 2: the dismissal still holds.
    expect(openHits().map((h) => h.entity.name)).not.toContain(XINYA);
    cli("lists", "update", "test/fixtures/lists/versions/uflpa-v3.csv");
    const reopened = openHits().find((h) => h.entity.name === XINYA);
    expect(reopened?.review.state).toBe("reopened");
    expect(xinyaInChain()).toBe(true);
    const fresh = jsonLines<ScreenLine>(cli("screen", "--since", "2", "--json").stdout).flatMap(
      (r) => r.results,
    );
    expect([...new Set(fresh.map((m) => m.entity.name))]).toEqual(["Wuxi Jinlian Textile Co., Ltd."]);
  });

  it("confirms a hit: it stays in the chain and leaves the open list", () => {
    const hit = openHits().find((h) => h.entity.name === XINYA);
    cli("review", "confirm", hit?.hit ?? "", "--reason", "same USCC as the listing");
    expect(openHits().map((h) => h.entity.name)).not.toContain(XINYA);
    expect(xinyaHits()[0]?.review.state).toBe("confirmed");
    expect(xinyaInChain()).toBe(true);
  });

  it("decides a pair that is no hit, keeps every decision and prints the history", () => {
    const jinhe = "urn:epc:id:pgln:6900006.00000"; // Aksu Jinhe Cotton: not a hit on any list
    const entryId = xinyaHits()[0]?.entity.id ?? "";
    expect(entryId).not.toBe("");
    const unknown = runCli([
      "review",
      "confirm",
      "--party",
      "nobody",
      "--entry",
      entryId,
      "--reason",
      "x",
      "--db",
      db,
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([5, expect.stringContaining("--party nobody")]);
    const noEntry = runCli(["review", "confirm", "--party", jinhe, "--reason", "x", "--db", db]);
    expect([noEntry.code, noEntry.stderr]).toEqual([2, expect.stringContaining("--entry")]);
    cli(
      "review",
      "confirm",
      "--party",
      jinhe,
      "--entry",
      entryId,
      "--reason",
      "registry: same owner",
      "--user",
      "bob",
    );
    const jinheHits = jsonLines<ScreenLine>(cli("screen", "--json").stdout).find(
      (r) => r.subject.name === "Aksu Jinhe Cotton Co., Ltd.",
    )?.results;
    expect(jinheHits?.map((m) => [m.entity.name, m.review.state])).toEqual([[XINYA, "confirmed"]]);
    type Decided = {
      status: string;
      user: string;
      current: boolean;
      decidedOn?: string;
      listVersion?: number;
      subjectName?: string;
      entryName?: string;
    };
    const history = jsonLines<Decided>(cli("review", "history", "--entry", entryId, "--json").stdout);
    expect(history.map((d) => [d.status, d.user, d.current, d.decidedOn ?? "-"])).toEqual([
      ["dismissed", "alice", false, "hit"],
      ["confirmed", expect.any(String), true, "hit"],
      ["confirmed", "bob", true, "pair"],
    ]);
    expect(history[2]?.listVersion).toBe(3);
    expect(history[2]).toMatchObject({ subjectName: "Aksu Jinhe Cotton Co., Ltd.", entryName: XINYA });
    const table = cli("review", "history", "--party", jinhe).stdout;
    expect(table).toContain("confirmed (pair)");
    expect(table).toContain(`party Aksu Jinhe Cotton Co., Ltd. (${jinhe})`);
    expect(table).toContain(`${XINYA} (${entryId})`);
    expect(table).toContain("1 decisions, 1 current");
  });

  it("refuses a decision without a known hit", () => {
    const r = runCli(["review", "dismiss", "hit-000000000000", "--reason", "x", "--db", db]);
    expect(r.code).toBe(5);
  });
});
