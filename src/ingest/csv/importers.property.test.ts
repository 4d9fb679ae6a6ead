import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParsedChunk } from "../../model/index.ts";
import { importFtmJsonLines } from "../ftm/index.ts";
import type { ImportInput } from "../importer.ts";
import { importOpenSupplyHubCsv } from "../osh/index.ts";
import { streamBytes } from "../text/index.ts";
import { importXlsx } from "../xlsx/index.ts";
import { collectChunks } from "./collect-chunks.ts";
import { importFacilitiesCsv } from "./import-facilities-csv.ts";
import { importMovementsCsv } from "./import-movements-csv.ts";
import { parseNumber } from "./parse-number.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const FACILITIES = new Uint8Array(readFileSync(resolve(ROOT, "templates/facilities.csv")));
const MOVEMENTS = new Uint8Array(readFileSync(resolve(ROOT, "templates/movements.csv")));
const IMPORTERS: Record<string, (input: ImportInput) => AsyncIterable<ParsedChunk>> = {
  facilities: importFacilitiesCsv,
  movements: importMovementsCsv,
  osh: importOpenSupplyHubCsv,
  ftm: importFtmJsonLines,
  xlsx: importXlsx,
};
const LOCATOR = /^(line \d+|byte 0|sheet .+, row \d+)/;

/** Bytes that stress a CSV reader: quotes, separators, newlines, BOMs, GB18030 and invalid UTF-8. */
const nasty = fc.constantFrom(
  ...[0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x09, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xd6, 0xd0, 0x80, 0x00, 0x7b],
);
const mutation = fc.record({
  at: fc.nat(),
  bytes: fc.array(fc.oneof(nasty, fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  cut: fc.nat(3),
});

function mutate(
  base: Uint8Array,
  mutations: readonly { at: number; bytes: number[]; cut: number }[],
): Uint8Array {
  let out = Array.from(base);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    out = [...out.slice(0, at), ...m.bytes, ...out.slice(at + m.cut)];
  }
  return new Uint8Array(out);
}

async function importSafely(name: string, bytes: Uint8Array, chunkSize: number) {
  const importer = IMPORTERS[name];
  if (!importer) throw new Error(`no importer ${name}`);
  return collectChunks(importer({ source: "fuzz", bytes: streamBytes(bytes, chunkSize) }));
}

describe("importers on damaged input", () => {
  it.each(Object.keys(IMPORTERS))("%s: random bytes give issues, never a throw", async (name) => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, chunk) => {
          const { issues, largestChunk } = await importSafely(name, bytes, chunk);
          expect(largestChunk).toBeLessThanOrEqual(2000);
          for (const i of issues) expect(i.provenance.locator).toMatch(LOCATOR);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(["facilities", "movements", "osh"])(
    "%s: mutated templates give issues with a line, never a throw",
    async (name) => {
      const base = name === "movements" ? MOVEMENTS : FACILITIES;
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 300 }),
          async (ms, chunk) => {
            const { issues } = await importSafely(name, mutate(base, ms), chunk);
            for (const i of issues) {
              expect(i.provenance.source).toBe("fuzz");
              expect(i.provenance.locator).toMatch(LOCATOR);
              expect(i.message.length).toBeGreaterThan(10);
            }
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("an unterminated quote at the top of a large file stays fast (no quadratic re-parse)", async () => {
    const body = "E1,origin,2025-01-02,F1,,L1,5,KGM\n".repeat(50_000);
    const bytes = new TextEncoder().encode(
      `event_ref,event_type,event_time,facility_id,role,lot_id,quantity,unit\n"${body}`,
    );
    const started = Date.now();
    const { issues } = await importSafely("movements", bytes, 4096);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(issues.some((i) => i.code === "csv.MissingQuotes")).toBe(true);
  });
});

describe("CSV reading across chunk boundaries", () => {
  it("gives the same records whatever the chunk size", async () => {
    const whole = await importSafely("movements", MOVEMENTS, 1 << 20);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }), async (chunk) => {
        const split = await importSafely("movements", MOVEMENTS, chunk);
        expect(split.records.events.map((e) => e.id)).toEqual(whole.records.events.map((e) => e.id));
        expect(split.issues).toEqual(whole.issues);
      }),
      { numRuns: 40 },
    );
  });
});

describe("parseNumber", () => {
  it("reads back any number written plain or with thousands separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const plain = `${whole}.${String(cents).padStart(2, "0")}`;
        const grouped = `${whole.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        expect(parseNumber(plain)).toBeCloseTo(whole + cents / 100, 2);
        expect(parseNumber(grouped)).toBe(parseNumber(plain));
      }),
    );
  });

  it("refuses a decimal comma rather than misreading it", () => {
    expect(parseNumber("1,5")).toBeUndefined();
    expect(parseNumber("1.234,5")).toBeUndefined();
  });
});
