import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cleanShipment,
  TAINTED_OMITTED_DOCUMENTS,
  taintedShipment,
} from "../../test/fixtures/report/shipments.ts";
import { buildPackage } from "./build-package.ts";
import { renderPackageJson } from "./render-package-json.ts";

const GOLDEN = resolve(import.meta.dirname, "../../test/fixtures/report");
const GENERATED_AT = "2025-06-06T08:00:00.000Z";

/** Regenerate with `UPDATE_GOLDEN=1 npx vitest run src/report`; review the diff before committing. */
function expectGolden(name: string, actual: string): void {
  const path = resolve(GOLDEN, name);
  // A missing golden file is a failure, never silently written: regenerate with UPDATE_GOLDEN=1.
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("buildPackage", () => {
  it("matches the golden package.json of a clean shipment", () => {
    expectGolden(
      "clean.package.json",
      renderPackageJson(buildPackage(cleanShipment(), { generatedAt: GENERATED_AT })),
    );
  });

  it("matches the golden package.json of a tainted shipment", () => {
    expectGolden(
      "tainted.package.json",
      renderPackageJson(buildPackage(taintedShipment(), { generatedAt: GENERATED_AT })),
    );
  });

  it("judges a fully documented shipment with no Xinjiang input likely to succeed", () => {
    const pkg = buildPackage(cleanShipment(), { generatedAt: GENERATED_AT });
    expect(pkg.checklist.missing).toEqual([]);
    expect(pkg.summary.verdict.kind).toBe("likely-to-succeed");
    expect(pkg.summary.headline).toMatch(/^No Xinjiang input traced; all of the cotton is traced/);
  });

  it("fails a shipment with a listed entity and a false origin claim, naming both", () => {
    const pkg = buildPackage(taintedShipment(), { generatedAt: GENERATED_AT });
    expect(pkg.summary.verdict.kind).toBe("fails");
    const reasons = pkg.summary.verdict.reasons.join("\n");
    expect(reasons).toContain("新疆塔里木棉业有限公司");
    expect(reasons).toContain("false origin claim");
    expect(pkg.summary.headline).toContain("18 % of the cotton is traced to Xinjiang");
    expect(pkg.summary.headline).toContain("3.2 % of the cotton cannot be traced");
    expect(pkg.summary.headline).toContain("under a 0.65 prior for Chinese yarn of undocumented origin");
  });

  it("lists exactly the missing documents of a shipment", () => {
    const pkg = buildPackage(taintedShipment(), { generatedAt: GENERATED_AT });
    const missing = pkg.checklist.missing.map((m) => `${m.category} @ ${m.scope.label}`);
    // The five omitted registry documents, plus the Shanghai yarn trader's sale, which has no
    // business record at all (the untraced 3.2 %), and the untranslated Chinese spinning record.
    const shanghai =
      "上海纱线贸易商 (Shanghai yarn trader, undocumented) → 江苏恒远纺织有限公司 (Jiangsu Hengyuan Textile)";
    const sorriso = "Algodoeira Sorriso → 青岛海联棉花贸易有限公司 (Qingdao Hailian Cotton Trading)";
    expect(missing).toEqual([
      `purchase-order @ ${shanghai}`,
      `commercial-invoice @ ${shanghai}`,
      `packing-list @ ${shanghai}`,
      "certificate-of-origin @ Shipment BOL-MAEU-5501",
      "bale-lint-purchase-record @ 新疆塔里木棉业有限公司 (Xinjiang Tarim Cotton Co.) (Gin)",
      "inventory-warehouse-receipt @ 青岛海联棉花贸易有限公司 (Qingdao Hailian Cotton Trading) (Trader)",
      `proof-of-payment @ ${sorriso}`,
      `proof-of-payment @ ${shanghai}`,
      `transport-document @ ${sorriso}`,
      `transport-document @ ${shanghai}`,
      "translation @ Translation of 纺纱生产记录-044.pdf",
    ]);
    expect(TAINTED_OMITTED_DOCUMENTS.length).toBe(5);
  });

  it("gives the same package for the same input apart from generatedAt", () => {
    const a = buildPackage(taintedShipment(), { generatedAt: "2025-01-01T00:00:00.000Z" });
    const b = buildPackage(taintedShipment(), { generatedAt: "2026-01-01T00:00:00.000Z" });
    expect({ ...a, generatedAt: "" }).toEqual({ ...b, generatedAt: "" });
  });
});
