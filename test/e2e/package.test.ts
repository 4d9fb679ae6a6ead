import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

const SAMPLE_FILES = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];
const TIMEOUT = 120_000;

interface PackageJson {
  shipment: { id: string };
  summary: {
    verdict: { kind: string };
    figures: { xinjiangShare: number; listedEntityInChain: boolean; listedEntities: { name: string }[] };
    sentences: string[];
  };
  checklist: { byCategory: { category: string; present: number; missing: number; status: string }[] };
  documents: unknown[];
  flowChart: { nodes: { id: string; role: string }[]; edges: { from: string; to: string }[] };
}

/** Every facility on the chart is connected: material comes in (but at a farm) and goes out (but at the importer). */
function unconnected(pkg: PackageJson): string[] {
  const { nodes, edges } = pkg.flowChart;
  return nodes
    .filter(
      (n) =>
        (n.role !== "origin" && !edges.some((e) => e.to === n.id)) ||
        (n.role !== "importer" && !edges.some((e) => e.from === n.id)),
    )
    .map((n) => n.id);
}

const hasPdfToText = spawnSync("pdftotext", ["-v"]).error === undefined;
const mustCheckPdf = process.env.CI === "true";

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

describe("threadproof package", () => {
  const dir = tempDir("threadproof-package-");
  const db = join(dir, "store.db");
  const tainted = join(dir, "tmp");
  const clean = join(dir, "clean");

  beforeAll(() => {
    const r = runCli(["import", ...SAMPLE_FILES, "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
  }, TIMEOUT);

  it(
    "writes package.pdf and package.json for a tainted shipment and prints their paths",
    () => {
      const r = runCli(["package", "BOL-MAEU-5505", "--out", tainted, "--db", db, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const out = r.json<{ pdf: string; json: string; verdict: string }>();
      expect(out).toEqual({
        pdf: join(tainted, "package.pdf"),
        json: join(tainted, "package.json"),
        verdict: "inadmissible",
      });
      expect(existsSync(out.pdf)).toBe(true);
      expect(existsSync(out.json)).toBe(true);
    },
    TIMEOUT,
  );

  it("finds the Xinjiang share and the XPCC-owned gin in the tainted shipment", () => {
    const pkg = readPackage(tainted);
    expect(pkg.shipment.id).toBe("BOL-MAEU-5505");
    expect(pkg.summary.verdict.kind).toBe("fails");
    expect(pkg.summary.figures.xinjiangShare).toBeGreaterThan(0);
    expect(pkg.summary.figures.listedEntityInChain).toBe(true);
    expect(pkg.summary.figures.listedEntities.map((e) => e.name).join(" ")).toMatch(
      /Shihezi.*XPCC|Shihezi.*Production and Construction Corps/,
    );
    expect(pkg.summary.sentences[0]).toContain("74.4 %");
    expect(unconnected(pkg)).toEqual([]);
  });

  it("lists every required CBP category as missing when no document is registered", () => {
    const pkg = readPackage(tainted);
    expect(pkg.documents).toEqual([]);
    const required = pkg.checklist.byCategory.filter(
      (c) => c.status !== "not-applicable" && c.status !== "not-provided",
    );
    expect(required.length).toBeGreaterThan(5);
    for (const c of required)
      expect({ category: c.category, present: c.present, status: c.status }).toEqual({
        category: c.category,
        present: 0,
        status: "missing",
      });
  });

  it.skipIf(!hasPdfToText && !mustCheckPdf)(
    "renders a PDF whose text layer has the executive summary and the shipment id",
    () => {
      const r = spawnSync("pdftotext", [join(tainted, "package.pdf"), "-"], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("Executive summary");
      expect(r.stdout).toContain("BOL-MAEU-5505");
    },
  );

  it(
    "packages a clean shipment without Xinjiang input or listed entity",
    () => {
      const r = runCli(["package", "BOL-MSCU-6005", "--out", clean, "--db", db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(join(clean, "package.pdf"));
      const pkg = readPackage(clean);
      expect(pkg.shipment.id).toBe("BOL-MSCU-6005");
      expect(pkg.summary.figures.xinjiangShare).toBe(0);
      expect(pkg.summary.figures.listedEntityInChain).toBe(false);
      // Fully traced, but every document is missing: at risk, not likely to succeed.
      expect(pkg.summary.verdict.kind).toBe("at-risk");
      expect(existsSync(join(clean, "package.pdf"))).toBe(true);
      // Its US lint reaches the spinner in two spinning events: both must show on the chart.
      expect(unconnected(pkg)).toEqual([]);
      expect(pkg.flowChart.nodes.filter((n) => n.role === "origin")).toHaveLength(2);
    },
    TIMEOUT,
  );

  it(
    "exits 5 (not-found) for an unknown shipment",
    () => {
      const r = runCli(["package", "BOL-NONE-0000", "--out", join(dir, "none"), "--db", db]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain("BOL-NONE-0000");
    },
    TIMEOUT,
  );
});
