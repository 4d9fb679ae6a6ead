import { createHash } from "node:crypto";
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { addDocument, packageShipment } from "../../src/app/index.ts";
import { readPackageFonts } from "../../src/cli/package-files.ts";
import { registerSampleDocuments } from "../../src/cli/sample-documents.ts";
import { openStore } from "../../src/store/index.ts";
import { ROOT, runCli, tempDir } from "./run-cli.ts";

const SAMPLE_FILES = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];
const DOCUMENTS = join(ROOT, "sample/documents");
const TIMEOUT = 180_000;

interface Item {
  category: string;
  scope: { label: string };
  status: string;
  documents: string[];
}
interface PackageJson {
  checklist: { items: Item[]; missing: Item[] };
  tiers: { records: { bizTransaction: { id: string }; status: string; documents: { sha256: string }[] }[] }[];
  documents: { id: string; sha256: string; fileName: string; category: string; date: string | null }[];
}

const label = (i: Item): string => `${i.category} | ${i.scope.label}`;
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;

/** The sample documents the manifest links to BOL-MSCU-6005's chain (all but the other shipment's B/L). */
function sampleFilesOf6005(): string[] {
  const rows = Papa.parse<{ file: string }>(readFileSync(join(DOCUMENTS, "manifest.csv"), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.map((r) => r.file).filter((f) => !f.includes("5505"));
}

const IMPORT_SALE = "Golden Bay Factory Chattogram → Silver Line Distribution Center Los Angeles";
/** What the manifest's documents satisfy on BOL-MSCU-6005: every other required item stays missing. */
const SATISFIED = [
  "bill-of-lading | Shipment BOL-MSCU-6005",
  "commercial-invoice | Shipment BOL-MSCU-6005",
  "packing-list | Shipment BOL-MSCU-6005",
  `purchase-order | ${IMPORT_SALE}`,
  `commercial-invoice | ${IMPORT_SALE}`,
  `packing-list | ${IMPORT_SALE}`,
  `transport-document | ${IMPORT_SALE}`,
  `proof-of-payment | ${IMPORT_SALE}`,
  "certificate-of-origin | Golden Valley Farm Lamesa (Origin (farm))",
  "bale-lint-purchase-record | Silver Bay Gin Lamesa (Gin)",
  "spinning-record | Golden Valley Spinning Unit Multan (Spinner)",
];

describe("package with registered documents", () => {
  const dir = tempDir("threadproof-package-docs-");
  const db = join(dir, "store.db");
  const before = join(dir, "before");
  const after = join(dir, "after");

  beforeAll(async () => {
    expect(runCli(["import", ...SAMPLE_FILES, "--db", db]).code).toBe(0);
    expect(runCli(["package", "BOL-MSCU-6005", "--out", before, "--db", db]).code).toBe(0);
    const store = await openStore(db);
    try {
      await registerSampleDocuments(store, join(ROOT, "sample"));
    } finally {
      await store.close();
    }
    const r = runCli(["package", "BOL-MSCU-6005", "--out", after, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
  }, TIMEOUT);

  it("lists exactly the required items no document covers as missing", () => {
    const missingBefore = readPackage(before).checklist.missing.map(label);
    const missingAfter = readPackage(after).checklist.missing.map(label);
    expect(missingBefore).toEqual(expect.arrayContaining(SATISFIED));
    expect(missingAfter).toEqual(missingBefore.filter((m) => !SATISFIED.includes(m)));
    const present = readPackage(after)
      .checklist.items.filter((i) => i.status === "present")
      .map(label);
    expect(present.toSorted()).toEqual(SATISFIED.toSorted());
  });

  it("shows each present record's document by SHA-256, and the rest as missing", () => {
    const pkg = readPackage(after);
    const bol = sha256(readFileSync(join(DOCUMENTS, "bol-MSCU-6005.txt")));
    const records = pkg.tiers.flatMap((t) => t.records);
    const shipmentBol = records.find((r) => r.bizTransaction.id === "BOL-MSCU-6005");
    expect(shipmentBol).toMatchObject({ status: "present", documents: [{ sha256: bol }] });
    expect(records.find((r) => r.bizTransaction.id === "PO-5-1")).toMatchObject({
      status: "missing",
      documents: [],
    });
  });

  it("indexes every document of the chain and copies each into documents/ by hash", () => {
    const pkg = readPackage(after);
    const expected = sampleFilesOf6005().map((file) => {
      const bytes = readFileSync(join(DOCUMENTS, file));
      return { file, sha: sha256(bytes), name: `${sha256(bytes)}${extname(file)}` };
    });
    expect(pkg.documents.map((d) => [d.fileName, d.sha256]).toSorted()).toEqual(
      expected.map((e) => [e.file, e.sha]).toSorted(),
    );
    expect(readdirSync(join(after, "documents")).toSorted()).toEqual(expected.map((e) => e.name).toSorted());
    for (const e of expected)
      expect(readFileSync(join(after, "documents", e.name))).toEqual(readFileSync(join(DOCUMENTS, e.file)));
  });

  it(
    "leaves a document whose stored bytes changed out of documents/, with a warning",
    () => {
      const bol = sha256(readFileSync(join(DOCUMENTS, "bol-MSCU-6005.txt")));
      appendFileSync(join(`${db}.documents`, bol.slice(0, 2), bol.slice(2)), "forged\n");
      const out = join(dir, "tampered");
      const r = runCli(["package", "BOL-MSCU-6005", "--out", out, "--db", db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("document-changed");
      expect(readdirSync(join(out, "documents"))).not.toContain(`${bol}.txt`);
      expect(readdirSync(join(out, "documents"))).toHaveLength(sampleFilesOf6005().length - 1);
    },
    TIMEOUT,
  );

  it(
    "asks for a translation of a document not in English and finds it once registered",
    async () => {
      const store = await openStore(db);
      try {
        const zh = new TextEncoder().encode("供应商声明：本批货物所用棉花不含新疆棉。\n");
        const en = new TextEncoder().encode("Supplier declaration: no Xinjiang cotton in this lot.\n");
        const refs = ["BOL-MSCU-6005"];
        await addDocument(
          store,
          { name: "declaration-zh.txt", bytes: zh },
          { type: "declaration", refs, language: "zh" },
        );
        const fonts = await readPackageFonts();
        const translationItem = async () =>
          (await packageShipment(store, "BOL-MSCU-6005", fonts)).pkg.checklist.items.filter(
            (i) => i.category === "translation",
          );
        expect(await translationItem()).toMatchObject([
          { status: "missing", scope: { label: "Translation of declaration-zh.txt" } },
        ]);
        await addDocument(
          store,
          { name: "declaration-en.txt", bytes: en },
          { type: "translation", refs: [sha256(zh)] },
        );
        expect(await translationItem()).toMatchObject([
          { status: "present", documents: [sha256(en).slice(0, 12)] },
        ]);
      } finally {
        await store.close();
      }
    },
    TIMEOUT,
  );
});
