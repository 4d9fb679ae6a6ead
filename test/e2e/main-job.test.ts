import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

const TIMEOUT = 300_000;

interface MainJobRow {
  shipment: { id: string };
  verdict: "admissible" | "inadmissible" | "insufficient-evidence";
  package: { dir: string; pdf: string; json: string } | null;
}

function runMainJob(db: string, packages: string): MainJobRow[] {
  const r = runCli(["demo", "--db", db, "--packages", packages, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ shipments: MainJobRow[] }>().shipments;
}

const POPPLER = spawnSync("pdfinfo", ["-v"]).error === undefined;
const SKIP_PDF = !POPPLER && process.env.CI !== "true";

describe("npm start (the main job) packages every at-risk shipment", () => {
  const dir = tempDir("threadproof-main-job-");
  const db = join(dir, "store.db");
  const packages = join(dir, "packages");
  let rows: MainJobRow[] = [];

  beforeAll(() => {
    rows = runMainJob(db, packages);
  }, TIMEOUT);

  it("writes a package for exactly the inadmissible and insufficient-evidence shipments", () => {
    expect(rows).toHaveLength(73);
    const stats = runCli(["stats", "--db", db, "--json"]).json<{ events: number }>();
    expect(stats.events).toBeGreaterThan(100);
    const atRisk = rows.filter((r) => r.verdict !== "admissible");
    expect(atRisk).toHaveLength(47);
    for (const r of rows) expect(r.package === null, r.shipment.id).toBe(r.verdict === "admissible");
    expect(readdirSync(packages).sort()).toEqual(atRisk.map((r) => r.shipment.id).sort());
    for (const r of atRisk) {
      expect(r.package?.dir).toBe(join(packages, r.shipment.id));
      expect(existsSync(r.package?.pdf ?? ""), r.shipment.id).toBe(true);
      expect(existsSync(r.package?.json ?? ""), r.shipment.id).toBe(true);
    }
  });

  it.skipIf(SKIP_PDF)(
    `renders a multi-page PDF${SKIP_PDF ? " (skipped: install poppler-utils)" : ""}`,
    () => {
      const pdf = join(packages, "BOL-MAEU-5505", "package.pdf");
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info.status, info.stderr).toBe(0);
      expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(1);
    },
  );

  it(
    "runs again on the same store: nothing re-imported, packages overwritten",
    () => {
      const before = statSync(join(packages, "BOL-MAEU-5505", "package.pdf")).mtimeMs;
      const again = runCli(["demo", "--db", db, "--packages", packages]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain("73 import shipment(s): 33 inadmissible, 14 with insufficient evidence");
      expect(again.stdout).toContain(join("BOL-MAEU-5505", "package.pdf"));
      expect(statSync(join(packages, "BOL-MAEU-5505", "package.pdf")).mtimeMs).toBeGreaterThan(before);
      expect(readdirSync(packages)).toHaveLength(47);
    },
    TIMEOUT,
  );
});
