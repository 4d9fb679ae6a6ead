import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { streamBytes } from "../text/index.ts";
import { collectChunks } from "./collect-chunks.ts";
import { importMovementsCsv } from "./import-movements-csv.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (bytes: Uint8Array, chunkSize = 64 * 1024) =>
  collectChunks(importMovementsCsv({ source: "movements.csv", bytes: streamBytes(bytes, chunkSize) }));

const HEADER = "event_ref,event_type,event_time,facility_id,role,lot_id,quantity,unit";

describe("importMovementsCsv", () => {
  it("reads the template example into events, lots and documents", async () => {
    const { records, issues } = await run(readFileSync(resolve(ROOT, "templates/movements.csv")));
    expect(issues).toEqual([]);
    expect(records.events.map((e) => e.kind)).toEqual([
      "origin",
      "ship",
      "receive",
      "transform",
      "ship",
      "receive",
      "transform",
      "transform",
      "ship",
      "receive",
      "transform",
    ]);
    expect(records.lots.map((l) => l.id)).toEqual([
      "lot:LINT-TX-24-118",
      "lot:YARN-SG-25-014",
      "lot:GREIGE-JL-25-077",
      "lot:FAB-JL-25-031",
      "lot:TEE-AA-25-55",
    ]);
    const [origin, ship, , spin] = records.events;
    expect(origin).toMatchObject({
      epcisType: "ObjectEvent",
      action: "ADD",
      bizStep: "commissioning",
      eventTime: "2024-11-02T09:00:00-06:00",
      eventTimeZoneOffset: "-06:00",
      bizLocation: "loc:GIN-TX-01",
      quantities: [{ lot: "lot:LINT-TX-24-118", quantity: 22680, uom: "KGM", kg: 22680 }],
      ilmd: { "cbvmda:countryOfOrigin": "US" },
    });
    expect(origin?.id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(ship).toMatchObject({
      action: "OBSERVE",
      bizStep: "shipping",
      eventTime: "2024-12-10T00:00:00Z",
      sources: [{ type: "urn:epcglobal:cbv:sdt:owning_party", id: "party:P-PLAINS" }],
      destinations: [
        { type: "urn:epcglobal:cbv:sdt:location", id: "loc:0614141000012" },
        { type: "urn:epcglobal:cbv:sdt:owning_party", id: "party:P-SGSPIN" },
      ],
      bizTransactions: [
        { type: "bol", id: "MAEU-24-889120" },
        { type: "inv", id: "INV-PCG-0451" },
      ],
    });
    expect(spin).toMatchObject({
      epcisType: "TransformationEvent",
      inputs: [{ lot: "lot:LINT-TX-24-118", quantity: 22680 }],
      outputs: [{ lot: "lot:YARN-SG-25-014", quantity: 15422.4 }],
      quantities: [],
    });
    expect(spin?.provenance).toEqual({
      source: "movements.csv",
      locator: "line 5–6 (event_ref SPIN-SG-2025-014)",
    });
    expect(records.documents).toContainEqual(
      expect.objectContaining({ id: "doc:bol:MAEU-24-889120", type: "bol", event: ship?.id }),
    );
    expect(new Set(records.events.map((e) => e.id)).size).toBe(11);
  });

  it("gives the same event the same id on every import", async () => {
    const bytes = readFileSync(resolve(ROOT, "templates/movements.csv"));
    const a = await run(bytes);
    const b = await run(bytes, 13);
    expect(b.records.events.map((e) => e.id)).toEqual(a.records.events.map((e) => e.id));
  });

  it("reads Excel serial dates and thousands separators", async () => {
    const csv = `${HEADER}\nE1,origin,45730.5,F1,,L1,"1,234.5",TNE\n`;
    const { records, issues } = await run(utf8(csv));
    expect(issues).toEqual([]);
    expect(records.events[0]?.eventTime).toBe("2025-03-14T12:00:00Z");
    expect(records.events[0]?.quantities[0]).toEqual({
      lot: "lot:L1",
      quantity: 1234.5,
      uom: "TNE",
      kg: 1234500,
    });
  });

  it("finds exactly the 3 bad rows of 10,000, on their lines", async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) lines.push(`E${i},observe,2025-01-02,F1,,L${i % 97},${100 + i},KGM`);
    lines[1234] = "E1233,observe,2025-01-02,F1,,L1,12x,KGM";
    lines[5001] = "E5000,observe,2025-13-02,F1,,L1,5,KGM";
    lines[9999] = "E9998,teleport,2025-01-02,F1,,L1,5,KGM";
    const { records, issues, largestChunk } = await run(utf8(`${lines.join("\n")}\n`), 4096);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => [e.provenance.locator, e.path])).toEqual([
      ["line 1235", "quantity"],
      ["line 5002", "event_time"],
      ["line 10000", "event_type"],
    ]);
    expect(records.events).toHaveLength(9_997);
    expect(largestChunk).toBeLessThanOrEqual(2000);
  });

  it("requires inputs and outputs on a transform, and a destination on a ship", async () => {
    const csv = [
      HEADER,
      "T1,transform,2025-01-02,F1,input,L1,5,KGM",
      "S1,ship,2025-01-02,F1,,L1,5,KGM",
      "T2,transform,2025-01-02,F1,,L2,5,KGM",
    ].join("\n");
    const { records, issues } = await run(utf8(csv));
    expect(records.events).toEqual([]);
    expect(issues.filter((i) => i.severity === "error").map((i) => [i.provenance.locator, i.path])).toEqual([
      ["line 2 (event_ref T1)", "role"],
      ["line 3", "to_facility_id"],
      ["line 4", "role"],
    ]);
  });

  it("reports rows of one event that disagree, and an event split across the file", async () => {
    const csv = [
      `${HEADER},to_facility_id`,
      "T1,transform,2025-01-02,F1,input,L1,5,KGM,",
      "T1,transform,2025-01-03,F1,output,L2,4,KGM,",
      "S1,ship,2025-01-02,F1,,L2,4,KGM,F2",
      "T1,transform,2025-01-02,F1,output,L3,1,KGM,",
    ].join("\n");
    const { records, issues } = await run(utf8(csv));
    expect(records.events.map((e) => e.kind)).toEqual(["ship"]);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.provenance.locator, i.path, i.code])).toEqual([
      ["line 3", "event_time", "template.event-disagrees"],
      ["line 5", "event_ref", "template.split-event"],
    ]);
    expect(errors[1]?.message).toContain("already ended at line 3");
  });

  it("accepts unit words with a warning and refuses malformed units", async () => {
    const csv = `${HEADER}\nE1,origin,2025-01-02,F1,,L1,5,kg\nE2,origin,2025-01-02,F1,,L2,5,XQZ\nE3,origin,2025-01-02,F1,,L3,5,kilo grams\n`;
    const { records, issues } = await run(utf8(csv));
    expect(records.events.map((e) => e.quantities[0]?.uom)).toEqual(["KGM", "XQZ"]);
    expect(issues.map((i) => [i.provenance.locator, i.severity, i.code])).toEqual([
      ["line 2", "warning", "template.unknown-unit"],
      ["line 3", "warning", "template.unknown-unit"],
      ["line 4", "error", "template.bad-unit"],
      ["line 4 (event_ref E3)", "warning", "template.event-skipped"],
    ]);
  });
});
