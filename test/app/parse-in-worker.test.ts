import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInWorker } from "../../src/app/parse-in-worker.ts";
import { type ImportFormat, importerFor } from "../../src/ingest/index.ts";
import type { ParsedChunk } from "../../src/model/index.ts";

// The worker hashes with node:crypto, this thread with the pure default: the ids must agree anyway.
const FIXTURES = join(import.meta.dirname, "../fixtures/epcis/openepcis-2.0/JSON/Capture/Documents");

/** The text as pieces of `size` bytes, as a file stream would hand it over. */
async function* pieces(text: string, size = 16 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function collect(chunks: AsyncIterable<ParsedChunk>): Promise<ParsedChunk[]> {
  const out: ParsedChunk[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

async function bothWays(format: ImportFormat, text: string) {
  const inPlace = await collect(importerFor(format)({ source: "f", bytes: pieces(text) }));
  const worker = await collect(parseInWorker(format, "f", pieces(text)));
  return { inPlace, worker };
}

/** An EPCIS document of the fixture's events repeated (several chunks), with one bad event. */
function epcisDocument(): string {
  const doc = JSON.parse(readFileSync(join(FIXTURES, "ObjectEvent.json"), "utf8"));
  const events = doc.epcisBody.eventList as Record<string, unknown>[];
  const list: Record<string, unknown>[] = Array.from({ length: 1200 }, (_, i) => ({
    ...events[i % events.length],
    eventTime: `2020-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00.${String(i % 1000).padStart(3, "0")}Z`,
  }));
  list[1034] = { ...list[1034], action: "JUMP" };
  return JSON.stringify({ ...doc, epcisBody: { eventList: list } });
}

function movementsCsv(rows: number): string {
  const lines = ["event_ref,event_type,event_time,facility_id,role,lot_id,quantity,unit"];
  for (let i = 0; i < rows; i++) lines.push(`E${i},origin,2025-01-02,F1,,L${i},${i + 1},KGM`);
  lines[1001] = "E1000,origin,not-a-date,F1,,L1000,1,KGM";
  return `${lines.join("\n")}\n`;
}

describe("parseInWorker", () => {
  it("gives the same chunks, records and issues as the importer in this thread (EPCIS JSON)", async () => {
    const { inPlace, worker } = await bothWays("epcis-json", epcisDocument());
    expect(inPlace.length).toBeGreaterThan(1);
    expect(worker).toEqual(inPlace);
    const issues = worker.flatMap((c) => c.issues);
    expect(issues.map((i) => [i.code, i.path, i.provenance.locator])).toEqual([
      ["epcis.action", "action", expect.stringContaining("event 1035")],
    ]);
  });

  it("gives the same chunks for a movements CSV, bad row included", async () => {
    const { inPlace, worker } = await bothWays("movements-csv", movementsCsv(1500));
    expect(inPlace.length).toBeGreaterThan(1);
    expect(worker).toEqual(inPlace);
    const locators = worker.flatMap((c) => c.issues).map((i) => i.provenance.locator);
    expect(locators.length).toBeGreaterThan(0);
    for (const l of locators) expect(l).toMatch(/^line 1002\b/);
  });

  it("passes a read error through unchanged, and stops the worker", async () => {
    const failure = new Error("disk gone");
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield* pieces(movementsCsv(10));
      throw failure;
    }
    await expect(collect(parseInWorker("movements-csv", "f", broken()))).rejects.toBe(failure);
  });

  it("stops the worker and the reading when the consumer stops early", async () => {
    let read = 0;
    const text = movementsCsv(4000);
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const p of pieces(text, 1024)) {
        read += 1;
        yield p;
      }
    }
    for await (const chunk of parseInWorker("movements-csv", "f", counted())) {
      expect(chunk.records.events.length).toBeGreaterThan(0);
      break;
    }
    const total = Math.ceil(new TextEncoder().encode(text).length / 1024);
    // Bounded read-ahead: far from the whole file was read for one chunk.
    expect(read).toBeLessThan(total / 2);
  });
});
