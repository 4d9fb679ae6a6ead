import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type ComposeSummary,
  type CompositionEngine,
  composeLots,
  generateChain,
  importFile,
  type LotComposition,
  type Store,
} from "../../src/app/index.ts";
import { openLocalFile } from "../../src/cli/read-file.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";
import { ROOT, runCli, tempDir } from "./run-cli.ts";

/**
 * The SQL twin of composition against the in-memory engine, on real stores: every lot's Xinjiang,
 * unknown, expected and worst-case shares and its mix bucket by bucket agree to 1e-9, on the
 * bundled sample and on a generated chain (with its planted retraction and untraced inputs), both
 * with a cycle added, on SQLite and on PostgreSQL.
 */
const TOLERANCE = 1e-9;
const dir = tempDir("threadproof-compose-");

const lot = (name: string) => `urn:epc:class:lgtin:0614141.012345.${name}`;
const AU_FARM = "urn:epc:id:sgln:9300017.00001.0";
const MILL = "urn:epc:id:sgln:0614141.00009.0";
const quantity = (name: string, kg: number) => ({ epcClass: lot(name), quantity: kg, uom: "KGM" });

function transformation(at: string, inputs: object[], outputs: object[]) {
  return {
    type: "TransformationEvent",
    eventTime: at,
    eventTimeZoneOffset: "+00:00",
    bizStep: "commissioning",
    bizLocation: { id: MILL },
    inputQuantityList: inputs,
    outputQuantityList: outputs,
  };
}

/**
 * Bad data with a cycle: C1 is made from C2, C2 from C1. Event A (on the cycle) also makes C3,
 * which is therefore unknown although A's other input is known; D blends C1 with Australian lint.
 */
const CYCLE_DOCUMENT = {
  "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-01-05T00:00:00.000Z",
  epcisBody: {
    eventList: [
      {
        type: "ObjectEvent",
        eventTime: "2023-01-01T00:00:00.000Z",
        eventTimeZoneOffset: "+00:00",
        action: "ADD",
        bizStep: "commissioning",
        bizLocation: { id: AU_FARM },
        quantityList: [quantity("CYC-A", 100), quantity("CYC-B", 40)],
      },
      transformation(
        "2023-02-01T00:00:00.000Z",
        [quantity("CYC-A", 100), quantity("CYC-2", 50)],
        [quantity("CYC-1", 120), quantity("CYC-3", 30)],
      ),
      transformation("2023-02-02T00:00:00.000Z", [quantity("CYC-1", 60)], [quantity("CYC-2", 50)]),
      transformation(
        "2023-02-03T00:00:00.000Z",
        [quantity("CYC-1", 60), quantity("CYC-B", 40)],
        [quantity("CYC-D", 90)],
      ),
    ],
  },
};

async function importPath(store: Store, path: string): Promise<void> {
  await importFile(store, await openLocalFile(path), {});
}

async function writeChain(events: number, seed: number): Promise<string[]> {
  const paths: string[] = [];
  for (const file of generateChain({ events, seed }).files) {
    if (file.name === "ground-truth.json") continue;
    const path = join(dir, `gen-${seed}-${file.name}`);
    const out = createWriteStream(path);
    for (const chunk of file.chunks) out.write(chunk);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    paths.push(path);
  }
  return paths;
}

interface Outcome {
  readonly summary: ComposeSummary;
  readonly lots: Map<string, LotComposition>;
}

async function compose(store: Store, engine: CompositionEngine): Promise<Outcome> {
  const lots = new Map<string, LotComposition>();
  const summary = await composeLots(store, engine, (l) => {
    expect(lots.has(l.lot), `${engine} reports ${l.lot} twice`).toBe(false);
    lots.set(l.lot, l);
  });
  return { summary, lots };
}

/** The largest difference between the engines over every lot, share and bucket (0 when equal). */
function largestDifference(memory: Outcome, sql: Outcome): { diff: number; where: string } {
  let worst = { diff: 0, where: "" };
  const note = (diff: number, where: string) => {
    if (!(diff <= worst.diff)) worst = { diff: Number.isNaN(diff) ? Infinity : diff, where };
  };
  for (const [id, m] of memory.lots) {
    const s = sql.lots.get(id);
    if (!s) {
      note(Infinity, `${id} missing from the SQL result`);
      continue;
    }
    for (const k of [
      "xinjiangShare",
      "unknownShare",
      "expectedXinjiangShare",
      "worstCaseXinjiangShare",
    ] as const)
      note(Math.abs(m[k] - s[k]), `${id} ${k}`);
    for (const key of new Set([...Object.keys(m.buckets), ...Object.keys(s.buckets)]))
      note(Math.abs((m.buckets[key] ?? 0) - (s.buckets[key] ?? 0)), `${id} bucket ${key}`);
  }
  return worst;
}

function describeTwin(kind: string, open: () => Promise<Store>): void {
  describe(`composition in SQL on ${kind}`, () => {
    let sample: Store;
    let generated: Store;
    const cyclePath = join(dir, "cycle.jsonld");

    beforeAll(async () => {
      await writeFile(cyclePath, JSON.stringify(CYCLE_DOCUMENT));
      sample = await open();
      for (const name of ["facilities.csv", "movements.csv", "chain.epcis.jsonld"])
        await importPath(sample, join(ROOT, "sample", name));
      await importPath(sample, cyclePath);
      generated = await open();
      for (const path of await writeChain(2500, 11)) await importPath(generated, path);
      await importPath(generated, cyclePath);
    });

    afterAll(async () => {
      await sample?.close();
      await generated?.close();
    });

    for (const [name, store] of [
      ["the bundled sample", () => sample],
      ["a generated chain with planted cases", () => generated],
    ] as const) {
      it(`agrees with the in-memory engine on every lot of ${name} to 1e-9`, async () => {
        const memory = await compose(store(), "memory");
        const sql = await compose(store(), "sql");
        expect(sql.lots.size).toBe(memory.lots.size);
        const worst = largestDifference(memory, sql);
        expect(worst.diff, worst.where).toBeLessThanOrEqual(TOLERANCE);
        expect([...sql.summary.cycleLots].sort()).toEqual([...memory.summary.cycleLots].sort());
      });
    }

    it("holds the planted cases: a retracted event, untraced inputs and the cycle", async () => {
      const stats = await generated.stats();
      expect(stats.retractedEvents).toBeGreaterThan(0);
      const sql = await compose(generated, "sql");
      const untraced = [...sql.lots.values()].filter((l) =>
        Object.keys(l.buckets).some((k) => k.startsWith("unknown@")),
      );
      expect(untraced.length).toBeGreaterThan(0);
      expect([...sql.summary.cycleLots].sort()).toEqual([lot("CYC-1"), lot("CYC-2")]);
      // C3 comes out of an event on the cycle: unknown, although that event's other input is known.
      expect(sql.lots.get(lot("CYC-3"))?.unknownShare).toBeCloseTo(1, 12);
      expect(sql.lots.get(lot("CYC-D"))?.buckets).toEqual({ unknown: 0.6, AU: 0.4 });
    });
  });
}

describeTwin("SQLite", async () => openStore(join(dir, `store-${randomBytes(4).toString("hex")}.db`)));

describe("threadproof compose", () => {
  it("prints one JSON line per lot, the same by either engine", async () => {
    const path = join(dir, "cli.db");
    const store = await openStore(path);
    for (const name of ["facilities.csv", "movements.csv", "chain.epcis.jsonld"])
      await importPath(store, join(ROOT, "sample", name));
    await store.close();
    const lines = (engine: string) => {
      const run = runCli(["compose", "--engine", engine, "--json", "--db", path]);
      expect(run.code, run.stderr).toBe(0);
      const lots = run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as LotComposition);
      return new Map(lots.map((l) => [l.lot, l.worstCaseXinjiangShare]));
    };
    const memory = lines("memory");
    const sql = lines("sql");
    expect(sql.size).toBe(memory.size);
    for (const [id, worst] of memory) expect(sql.get(id), id).toBeCloseTo(worst, 9);
    expect(runCli(["compose", "--engine", "gpu", "--db", path]).code).toBe(2);
  }, 300_000);
});

const adminUrl = inject("pgUrl");
const databases = scratchDatabases(adminUrl, "compose");
const freshPostgres = async (): Promise<Store> => openStore(await databases.create());

afterAll(() => databases.dropAll());

describe.skipIf(!adminUrl)(adminUrl ? "postgres" : `postgres (skipped: ${inject("pgSkipReason")})`, () => {
  describeTwin("PostgreSQL", freshPostgres);
});
