import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

const FIXTURES = "test/fixtures/lists";

interface EntryRef {
  name: string;
  sections: string[];
}

interface UpdateJson {
  version?: { version: number; lists: string[]; entryCount: number; asOf?: string; format: string };
  previous: number;
  unchanged: boolean;
  changes: {
    added: EntryRef[];
    removed: EntryRef[];
    renamed: { from: EntryRef; to: EntryRef }[];
    moved: (EntryRef & { from: string[]; to: string[] })[];
    aliasesChanged: (EntryRef & { added: string[]; removed: string[] })[];
  };
}

interface ShowJson {
  current: number;
  bundled: { version: number; partial: boolean; asOf: string; entityCount: number; officialCount: number };
  versions: { version: number; source: string; loadedAt: string }[];
  uflpa: { entityCount: number; countsBySection: Record<string, number> };
  wro: { name: string; sections: string[] }[];
  regionRules: { id: string }[];
}

const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name);

describe("threadproof lists", { timeout: 300_000 }, () => {
  const db = join(tempDir(), "lists.db");
  const update = (file: string, ...extra: string[]) =>
    runCli(["lists", "update", `${FIXTURES}/${file}`, "--db", db, "--json", ...extra]);

  it("shows the bundled snapshot as partial, dated, counted per section, with WRO rows and region rules", () => {
    const r = runCli(["lists", "show", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const show = r.json<ShowJson>();
    expect(show.current).toBe(1);
    expect(show.bundled).toMatchObject({ version: 1, partial: true, asOf: "2025-01-15", entityCount: 91 });
    expect(show.uflpa.countsBySection["2(d)(2)(B)(v)"]).toBeGreaterThan(0);
    expect(names(show.wro)).toContain("Xinjiang Junggar Cotton and Linen Co., Ltd.");
    expect(show.regionRules.map((x) => x.id)).toContain("wro:xuar-cotton-tomato");
    const text = runCli(["lists", "show", "--db", db]).stdout;
    expect(text).toMatch(/PARTIAL, 91 of the 144 entities/);
  });

  it("loads each DHS page as a new dated version and reports added, renamed and moved entities", () => {
    const first = update("dhs-uflpa-2024-10.html");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json<UpdateJson>()).toMatchObject({
      previous: 1,
      version: { version: 2, format: "dhs-html" },
    });
    const second = update("dhs-uflpa-2025-01.html").json<UpdateJson>();
    expect(second).toMatchObject({
      previous: 2,
      unchanged: false,
      version: { version: 3, lists: ["uflpa"] },
    });
    expect(names(second.changes.added)).toContain("Huafu Fashion Co., Ltd.");
    expect(second.changes.renamed.map((x) => [x.from.name, x.to.name])).toContainEqual([
      "Hefei Meiling Co. Ltd.",
      "Changhong Meiling Co., Ltd.",
    ]);
    expect(second.changes.moved.find((m) => m.name.startsWith("Changji Esquel"))).toMatchObject({
      from: ["2(d)(2)(B)(i)"],
      to: ["2(d)(2)(B)(v)"],
    });
  });

  it("adds no version for the file that is already the latest, and keeps the WRO rows", () => {
    const again = update("dhs-uflpa-2025-01.html").json<UpdateJson>();
    expect(again).toMatchObject({ unchanged: true, previous: 3 });
    const show = runCli(["lists", "show", "--db", db, "--json"]).json<ShowJson>();
    expect(show.current).toBe(3);
    expect(show.versions.map((v) => v.version)).toEqual([2, 3]);
    expect(show.wro.length).toBe(38);
  });

  it("rejects a list with unreadable rows whole, naming them, unless told to skip them", () => {
    const rejected = update("us_dhs_uflpa.ftm.jsonl");
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toMatch(/line 9: not JSON/);
    const skipped = update("us_dhs_uflpa.ftm.jsonl", "--skip-invalid");
    expect(skipped.code, skipped.stderr).toBe(0);
    const result = skipped.json<UpdateJson>();
    expect(result.version).toMatchObject({ version: 4, format: "ftm" });
    expect(names(result.changes.removed)).toContain("Huafu Fashion Co., Ltd.");
  });

  it("reports removals against the previous version of a simple CSV list", () => {
    const v5 = update("versions/uflpa-v2.csv").json<UpdateJson>();
    expect(v5.version?.version).toBe(5);
    const v6 = update("versions/uflpa-v3.csv").json<UpdateJson>();
    expect(names(v6.changes.removed)).toEqual(["Alpha Cotton Trading Co., Ltd."]);
    expect(names(v6.changes.added)).toEqual(["Wuxi Jinlian Textile Co., Ltd."]);
    expect(v6.changes.renamed.map((x) => [x.from.name, x.to.name])).toEqual([
      ["Gamma Yarn Co., Ltd.", "Gamma New Yarn Co., Ltd."],
    ]);
    expect(v6.changes.moved.map((m) => [m.name, m.from, m.to])).toEqual([
      ["Beta Weaving Co., Ltd.", ["2(d)(2)(B)(i)"], ["2(d)(2)(B)(v)"]],
    ]);
    expect(v6.changes.aliasesChanged.map((a) => [a.name, a.added])).toEqual([
      ["Anhui Xinya New Materials Co., Ltd.", ["Xinya New Materials"]],
    ]);
    // `check` screens against the store's latest version too.
    const check = runCli(["check", "Wuxi Jinlian Textile Co., Ltd.", "--db", db, "--json"]);
    expect(check.code, check.stderr).toBe(0);
    expect(
      check.json<{ results: { entity: { name: string }; match: boolean }[] }>().results[0],
    ).toMatchObject({
      entity: { name: "Wuxi Jinlian Textile Co., Ltd." },
      match: true,
    });
  });
});

describe("threadproof compare --pairs", () => {
  it("prints score, match and explanations per pair as JSON lines", () => {
    const r = runCli(["compare", "--pairs", `${FIXTURES}/pairs.csv`, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(Object.keys(l)).toEqual(["score", "match", "explanations"]);
    expect(lines.map((l) => l.match)).toEqual([true, true, false, true]);
  });

  it("rejects a file with bad rows, naming file, line and field", () => {
    const r = runCli(["compare", "--pairs", `${FIXTURES}/pairs-bad.csv`, "--json"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("pairs-bad.csv: line 3, field name1: name1 is empty");
    expect(r.stderr).toContain('pairs-bad.csv: line 4, field schema: unknown schema "Ship"');
  });
});
