import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.ts";

interface Stats {
  events: number;
  lots: number;
  locations: number;
  parties: number;
  documents: number;
  retractedEvents: number;
  imports: number;
}

interface ImportJson {
  source: string;
  format: string;
  added: Record<string, number>;
  skipped: { provenance: { locator: string }; path: string }[];
}

const SAMPLE_FILES = ["sample/facilities.csv", "sample/movements.csv", "sample/chain.epcis.jsonld"];
const MOVEMENTS_HEADER =
  "event_ref,event_type,event_time,facility_id,role,lot_id,product,quantity,unit,country_of_origin,doc_type,doc_id";

function stats(db: string): Stats {
  const r = runCli(["stats", "--db", db, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return r.json<Stats>();
}

/** 10,000 valid origin rows, with three broken on known lines. */
function movementsWithThreeBadRows(dir: string): string {
  const lines = [MOVEMENTS_HEADER];
  for (let i = 0; i < 10_000; i++) {
    const qty = i === 1233 ? "lots" : "1000";
    const unit = i === 4999 ? "" : "KGM";
    const time = i === 8887 ? "31/02/2024 noon" : "2024-10-01T08:00:00+08:00";
    lines.push(`ev-${i},origin,${time},loc:farm-${i % 50},lot,lot:SC-${i},seed cotton,${qty},${unit},,,`);
  }
  const path = join(dir, "movements-10k.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("threadproof import / stats", () => {
  const dir = tempDir();
  const db = join(dir, "store.db");

  it("imports the bundled sample and counts what it holds", () => {
    const r = runCli(["import", ...SAMPLE_FILES, "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const results = r.json<ImportJson[]>();
    expect(results.map((x) => x.format)).toEqual(["facilities-csv", "movements-csv", "epcis-json"]);
    const s = stats(db);
    expect(s.events).toBeGreaterThan(100);
    expect(s.locations).toBeGreaterThan(20);
    expect(s.imports).toBe(3);
  });

  it("adds nothing when the same files are imported again", () => {
    const before = stats(db);
    const r = runCli(["--db", db, "import", ...SAMPLE_FILES, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    for (const result of r.json<ImportJson[]>())
      expect(Object.values(result.added).every((n) => n === 0)).toBe(true);
    const after = stats(db);
    expect({ ...after, imports: 0 }).toEqual({ ...before, imports: 0 });
  });

  it("accepts --db before the command name and THREADPROOF_DB from the environment", () => {
    const viaFlag = runCli(["--db", db, "stats", "--json"]).json<Stats>();
    const viaEnv = runCli(["stats", "--json"], { THREADPROOF_DB: db }).json<Stats>();
    expect(viaEnv).toEqual(viaFlag);
  });

  it("prints a readable table without --json", () => {
    const r = runCli(["stats", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/events\s+\d+/);
    expect(r.stdout).toContain("CN");
  });
});

describe("bad input", () => {
  it("rejects a 10,000-row file with 3 bad rows, names exactly those 3, and leaves the store as it was", () => {
    const dir = tempDir();
    const db = join(dir, "store.db");
    expect(runCli(["import", "sample/facilities.csv", "--db", db]).code).toBe(0);
    const before = stats(db);
    const r = runCli(["import", movementsWithThreeBadRows(dir), "--db", db, "--json"]);
    expect(r.code).toBe(3);
    const body = r.json<{
      error: { code: string; issues: { provenance: { locator: string }; path: string }[] };
    }>();
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.issues.map((i) => [i.provenance.locator, i.path])).toEqual([
      ["line 1235", "quantity"],
      ["line 5001", "unit"],
      ["line 8889", "event_time"],
    ]);
    expect(r.stderr).toContain("movements-10k.csv: line 1235, field quantity");
    expect(stats(db)).toEqual(before);
  });

  it("imports the valid rows with --skip-invalid and lists the skipped ones", () => {
    const dir = tempDir();
    const db = join(dir, "store.db");
    const r = runCli(["import", movementsWithThreeBadRows(dir), "--skip-invalid", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const [result] = r.json<ImportJson[]>();
    expect(result?.skipped.map((i) => i.provenance.locator)).toEqual(["line 1235", "line 5001", "line 8889"]);
    expect(stats(db).events).toBe(9_997);
  });

  it("rejects an invalid EPCIS document, naming the file, the event and the field", () => {
    const db = join(tempDir(), "store.db");
    const file =
      "test/fixtures/epcis/openepcis-2.0/JSON/Capture/Invalid/ObjectEvent_with_invalid_action.json";
    const r = runCli(["import", file, "--db", db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("ObjectEvent_with_invalid_action.json");
    expect(r.stderr).toMatch(/event \d+/);
    expect(r.stderr).toMatch(/field action/);
    expect(stats(db).events).toBe(0);
  });

  it("names a file it cannot read and a format it does not know, with distinct exit codes", () => {
    const dir = tempDir();
    const db = join(dir, "store.db");
    const missing = runCli(["import", join(dir, "nope.csv"), "--db", db]);
    expect(missing.code).toBe(6);
    expect(missing.stderr).toContain("nope.csv: no such file");
    const junk = join(dir, "junk.txt");
    writeFileSync(junk, "hello, this is not supply-chain data\n");
    const unknown = runCli(["import", junk, "--db", db]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain("junk.txt");
  });

  it("reports an unreachable PostgreSQL store as store-unavailable", () => {
    const r = runCli(["stats", "--db", "postgres://nobody:secret@127.0.0.1:9/none", "--json"]);
    expect(r.code).toBe(7);
    expect(r.stdout + r.stderr).not.toContain("secret");
  });

  it("exits 2 on a usage error", () => {
    expect(runCli(["import"]).code).toBe(2);
    expect(runCli(["no-such-command"]).code).toBe(2);
  });
});

describe("threadproof export", () => {
  it("round-trips the store through EPCIS 2.0 JSON-LD", () => {
    const dir = tempDir();
    const first = join(dir, "first.db");
    const second = join(dir, "second.db");
    expect(runCli(["import", ...SAMPLE_FILES, "--db", first]).code).toBe(0);
    const out = join(dir, "export.jsonld");
    const exported = runCli(["export", "--out", out, "--db", first]);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(out, "utf8")) as {
      type: string;
      epcisBody: { eventList: unknown[] };
    };
    expect(doc.type).toBe("EPCISDocument");
    const imported = runCli(["import", out, "--db", second, "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    const a = stats(first);
    const b = stats(second);
    expect(b.events).toBe(a.events);
    expect(b.retractedEvents).toBe(a.retractedEvents);
    // `events` counts retracted ones too: each is exported once, carrying its errorDeclaration.
    expect(doc.epcisBody.eventList.length).toBe(a.events);
  });
});

describe("threadproof generate", () => {
  it("writes the same bytes for the same seed", () => {
    const a = tempDir();
    const b = tempDir();
    expect(runCli(["generate", "--size", "300", "--seed", "7", "--out", a]).code).toBe(0);
    expect(runCli(["generate", "--size", "300", "--seed", "7", "--out", b, "--json"]).code).toBe(0);
    for (const name of ["chain.epcis.jsonld", "facilities.csv", "movements.csv", "ground-truth.json"]) {
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
    }
  });
});

describe("threadproof check / screen", () => {
  it("prints the issue's check contract, best result first, with geography", () => {
    const r = runCli([
      "check",
      "新疆天山毛纺织股份有限公司",
      "--address",
      "乌鲁木齐市",
      "--country",
      "CN",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const body = r.json<{
      query: unknown;
      results: {
        entity: { id: string; name: string; list: string };
        score: number;
        match: boolean;
        explanations: string[];
      }[];
      geography: { xinjiang: boolean; division: { code: string } | null };
    }>();
    expect(body.results[0]?.entity.name).toMatch(/Tianshan Wool Textile/);
    expect(body.results[0]?.match).toBe(true);
    expect(body.results[0]?.explanations.length).toBeGreaterThan(0);
    const scores = body.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.geography.xinjiang).toBe(true);
    expect(body.geography.division?.code.startsWith("65")).toBe(true);
  });

  it("screens a CSV of names as JSON lines, one per row", () => {
    const dir = tempDir();
    const csv = join(dir, "names.csv");
    writeFileSync(
      csv,
      "name,address,country\nAcme Garments Ltd,Dhaka,BD\nHoshine Silicon Industry Co Ltd,,CN\n",
    );
    const r = runCli(["check", "--file", csv]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { results: { match: boolean }[] });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.results.some((x) => x.match)).toBe(false);
    expect(lines[1]?.results[0]?.match).toBe(true);
  });

  it("screens the sample store: the listed spinner and the XPCC-owned gin are hits", () => {
    const db = join(tempDir(), "store.db");
    expect(runCli(["import", ...SAMPLE_FILES, "--db", db]).code).toBe(0);
    const r = runCli(["screen", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const records = r.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            subject: { kind: string };
            results: { entity: { name: string }; via: string }[];
          },
      );
    const hitNames = records.flatMap((x) => x.results.map((m) => `${m.entity.name}|${m.via}`));
    expect(hitNames).toContain("Anhui Xinya New Materials Co., Ltd.|name");
    expect(hitNames).toContain("Xinjiang Production and Construction Corps|owner");
    expect(records.some((x) => x.subject.kind === "location")).toBe(true);
  });
});
