import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, packageShipment, type Store } from "../../src/app/index.ts";
import { readPackageFonts } from "../../src/cli/package-files.ts";
import { openLocalFile } from "../../src/cli/read-file.ts";
import { registerSampleDocuments } from "../../src/cli/sample-documents.ts";
import { openStore } from "../../src/store/index.ts";
import { ROOT, tempDir } from "./run-cli.ts";

/**
 * Golden package.json of two bundled-sample shipments, built the way the main job builds them
 * (sample imported, sample documents registered): the tainted BOL-MAEU-5505 and the clean,
 * mostly documented BOL-MSCU-6005. Files are imported by repo-relative path so the provenance in
 * the golden files does not depend on where the clone lives.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/e2e/package-golden.test.ts` and review the diff.
 */
const GOLDEN = resolve(ROOT, "test/fixtures/report");
const GENERATED_AT = "2026-01-02T03:04:05.000Z";
const SAMPLE = join(ROOT, "sample");
const SAMPLE_FILES = ["chain.epcis.jsonld", "facilities.csv", "movements.csv"].map((f) =>
  relative(process.cwd(), join(SAMPLE, f)),
);

function expectGolden(name: string, actual: string): void {
  const path = resolve(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("package.json of sample shipments (golden)", () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(join(tempDir("threadproof-package-golden-"), "store.db"));
    for (const file of SAMPLE_FILES) await importFile(store, await openLocalFile(file), {});
    await registerSampleDocuments(store, SAMPLE);
  }, 120_000);

  afterAll(() => store?.close());

  for (const shipment of ["BOL-MAEU-5505", "BOL-MSCU-6005"]) {
    it(`matches the golden package of ${shipment}, byte for byte, twice`, async () => {
      const fonts = await readPackageFonts();
      const first = await packageShipment(store, shipment, fonts, { generatedAt: GENERATED_AT });
      const again = await packageShipment(store, shipment, fonts, { generatedAt: GENERATED_AT });
      expect(again.json).toBe(first.json);
      expectGolden(`sample-${shipment}.package.json`, first.json);
    }, 120_000);
  }
});
