import { createHash } from "node:crypto";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

const SAMPLE_FILES = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];
const TIMEOUT = 120_000;
const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

interface Added {
  documents: {
    added: boolean;
    newLinks: { kind: string; ref: string }[];
    document: { sha256: string; category: string; fileName: string; links: { kind: string; ref: string }[] };
    issues: { code: string }[];
  }[];
}

describe("threadproof docs", () => {
  const dir = tempDir("threadproof-docs-");
  const db = join(dir, "store.db");
  const bol = join(dir, "bol-5505.txt");
  const copy = join(dir, "same-bytes.txt");
  const BOL_TEXT = "BILL OF LADING BOL-MAEU-5505\nShipper: Vietnam garment factory\n";

  beforeAll(() => {
    writeFileSync(bol, BOL_TEXT);
    writeFileSync(copy, BOL_TEXT);
    const r = runCli(["import", ...SAMPLE_FILES, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
  }, TIMEOUT);

  it("adds a file by its SHA-256, typed by an alias, linked to a shipment; warns about an unknown ref", () => {
    const r = runCli([
      "docs",
      "add",
      bol,
      "--type",
      "bol",
      "--ref",
      "BOL-MAEU-5505",
      "BOL-NOWHERE-1",
      "--date",
      "2023-05-02",
      "--db",
      db,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [added] = r.json<Added>().documents;
    expect(added?.added).toBe(true);
    expect(added?.document).toMatchObject({
      sha256: sha256(BOL_TEXT),
      category: "bill-of-lading",
      fileName: "bol-5505.txt",
    });
    expect(added?.document.links).toEqual([
      { kind: "biz-transaction", ref: "BOL-MAEU-5505" },
      { kind: "biz-transaction", ref: "BOL-NOWHERE-1" },
    ]);
    expect(added?.issues.map((i) => i.code)).toEqual(["unknown-ref"]);
    expect(r.stderr).toContain("BOL-NOWHERE-1");
  });

  it("adds the same bytes again as the same record, merging the new links", () => {
    const r = runCli([
      "docs",
      "add",
      copy,
      "--type",
      "commercial invoice",
      "--ref",
      "BOL-MAEU-5505",
      "--ref",
      "INV-0-8",
      "--db",
      db,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [again] = r.json<Added>().documents;
    expect(again?.added).toBe(false);
    expect(again?.newLinks).toEqual([{ kind: "biz-transaction", ref: "INV-0-8" }]);
    expect(again?.document).toMatchObject({ category: "bill-of-lading", fileName: "bol-5505.txt" });
  });

  it("lists by ref and by type, and shows a document with the events of its transactions", () => {
    const byRef = runCli(["docs", "list", "--ref", "BOL-MAEU-5505", "--db", db, "--json"]);
    expect(byRef.json<{ sha256: string }[]>().map((d) => d.sha256)).toEqual([sha256(BOL_TEXT)]);
    expect(runCli(["docs", "list", "--type", "po", "--db", db, "--json"]).json()).toEqual([]);
    const text = runCli(["docs", "list", "--db", db]);
    expect(text.stdout).toContain(sha256(BOL_TEXT).slice(0, 12));
    const show = runCli(["docs", "show", sha256(BOL_TEXT).slice(0, 10), "--db", db, "--json"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.json<{ events: string[] }>().events.length).toBeGreaterThan(0);
  });

  it("counts registered documents in stats, apart from the references events cite", () => {
    const all = runCli(["docs", "list", "--db", db, "--json"]).json<unknown[]>();
    const stats = runCli(["stats", "--db", db, "--json"]).json<{ registeredDocuments: number }>();
    expect(all.length).toBeGreaterThan(0);
    expect(stats.registeredDocuments).toBe(all.length);
    expect(runCli(["stats", "--db", db]).stdout).toMatch(
      new RegExp(`registered documents\\s+${all.length}\\b`),
    );
  });

  it("rejects an unknown type with a usage error naming the valid ones", () => {
    const r = runCli(["docs", "add", bol, "--type", "selfie", "--ref", "BOL-MAEU-5505", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bill-of-lading");
    expect(r.stderr).toContain("proof-of-payment");
  });

  it("verify passes while the files match and fails (exit 3) once one is changed", () => {
    const ok = runCli(["docs", "verify", "--db", db, "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json<{ status: string }[]>().map((c) => c.status)).toEqual(["ok"]);
    const sha = sha256(BOL_TEXT);
    appendFileSync(join(`${db}.documents`, sha.slice(0, 2), sha.slice(2)), "forged line\n");
    const bad = runCli(["docs", "verify", "--db", db, "--json"]);
    expect(bad.code).toBe(3);
    const error = bad.json<{ error: { issues: { code: string; provenance: { locator: string } }[] } }>()
      .error;
    expect(error.issues.map((i) => [i.code, i.provenance.locator])).toEqual([["document-changed", sha]]);
  });

  it(
    "links a document added before its events are imported, once they are",
    () => {
      const early = join(dir, "early.db");
      const before = runCli(["docs", "add", bol, "--type", "bol", "--ref", "BOL-MAEU-5505", "--db", early]);
      expect(before.code, before.stderr).toBe(0);
      expect(before.stderr).toContain("unknown-ref");
      expect(runCli(["import", ...SAMPLE_FILES, "--db", early]).code).toBe(0);
      const show = runCli(["docs", "show", sha256(BOL_TEXT), "--db", early, "--json"]);
      expect(show.json<{ events: string[]; issues: unknown[] }>()).toMatchObject({ issues: [] });
      expect(show.json<{ events: string[] }>().events.length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
