import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DuplicateReport } from "../../src/app/index.ts";
import { runCli, tempDir } from "./run-cli.ts";

describe("threadproof duplicates", { timeout: 120_000 }, () => {
  const db = join(tempDir(), "dupes.db");

  it("finds a facility two Open Supply Hub lists both carry, with the evidence", () => {
    const imported = runCli(["import", "test/fixtures/osh/3.csv", "test/fixtures/osh/7.csv", "--db", db]);
    expect(imported.code, imported.stderr).toBe(0);
    const run = runCli(["duplicates", "--db", db, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = run.json<DuplicateReport>();
    expect(report.facilities).toBeGreaterThan(20);
    expect(report.compared).toBeGreaterThanOrEqual(report.pairs.length);
    const regina = report.pairs.find(
      (p) => /Regina Miracle/.test(p.a.name) && /Regina Miracle/.test(p.b.name),
    );
    expect(regina?.verdict).toBe("duplicate");
    expect(regina?.a.id).not.toBe(regina?.b.id);
    expect(regina?.explanations.join(" ")).toContain("cengyao");
  });

  it("says what it compared in the text report and refuses a bad threshold", () => {
    const run = runCli(["duplicates", "--db", db]);
    expect(run.stdout).toMatch(
      /named facilities, \d+ pairs compared after candidate retrieval: [1-9]\d* duplicates/,
    );
    const bad = runCli(["duplicates", "--db", db, "--threshold", "7"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--threshold must be a number in (0, 1]");
  });
});
