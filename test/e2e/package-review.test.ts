import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideHit, importFile, openHits, packageShipment, type Store } from "../../src/app/index.ts";
import { readPackageFonts } from "../../src/cli/package-files.ts";
import { openLocalFile } from "../../src/cli/read-file.ts";
import type { EvidencePackage } from "../../src/report/index.ts";
import { openStore } from "../../src/store/index.ts";
import { ROOT, tempDir } from "./run-cli.ts";

/** A shipment whose only listed entity is the spinner operated by Anhui Xinya (sample ground truth). */
const SHIPMENT = "BOL-MAEU-7906";
const XINYA = "Anhui Xinya New Materials Co., Ltd.";
const SAMPLE_FILES = ["chain.epcis.jsonld", "facilities.csv", "movements.csv"].map((f) =>
  join(ROOT, "sample", f),
);

function xinyaRows(pkg: EvidencePackage) {
  return pkg.screening.flatMap((row) => row.hits.filter((h) => h.entity === XINYA).map((h) => ({ row, h })));
}

describe("the package shows reviewers' decisions on screening hits", () => {
  let store: Store;
  let fonts: Awaited<ReturnType<typeof readPackageFonts>>;

  beforeAll(async () => {
    store = await openStore(join(tempDir("threadproof-package-review-"), "store.db"));
    for (const file of SAMPLE_FILES) await importFile(store, await openLocalFile(file), {});
    fonts = await readPackageFonts();
  }, 120_000);

  afterAll(() => store?.close());

  it("lists an undecided hit as open and flags it as not yet reviewed", async () => {
    const { pkg } = await packageShipment(store, SHIPMENT, fonts);
    const rows = xinyaRows(pkg);
    expect(rows.length).toBeGreaterThan(0);
    for (const { h } of rows)
      expect({ status: h.status, review: h.review }).toEqual({ status: "open", review: null });
    expect(pkg.flags.some((f) => f.message.includes(XINYA) && f.message.includes("not yet reviewed"))).toBe(
      true,
    );
    expect(pkg.summary.figures.listedEntityInChain).toBe(true);
  }, 120_000);

  it("keeps a dismissed hit in the screening section with who, when and why, and drops it from the chain", async () => {
    const hit = (await openHits(store)).find((h) => h.entity.name === XINYA && h.subject.kind === "party");
    expect(hit).toBeDefined();
    await decideHit(store, {
      hit: hit?.hit ?? "",
      status: "dismissed",
      reason: "another company: registration differs",
      user: "alice",
      decidedAt: "2026-11-28T09:00:00.000Z",
    });
    const { pkg } = await packageShipment(store, SHIPMENT, fonts);
    const rows = xinyaRows(pkg);
    expect(rows.length).toBeGreaterThan(0);
    for (const { row, h } of rows) {
      expect(h.status).toBe("dismissed");
      expect(h.review).toBe(
        "dismissed by alice on 2026-11-28T09:00:00.000Z: another company: registration differs",
      );
      expect(row.status).not.toBe("open");
    }
    expect(pkg.flags.some((f) => f.message.includes(XINYA) && f.message.includes("not yet reviewed"))).toBe(
      false,
    );
    expect(pkg.summary.figures.listedEntityInChain).toBe(false);
  }, 120_000);
});
