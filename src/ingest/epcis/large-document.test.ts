import { describe, expect, it } from "vitest";
import { CHUNK_RECORDS } from "../importer.ts";
import { importEpcisJson } from "./import-epcis-json.ts";

/** A generated capture document of `n` cotton-chain events, produced piece by piece (never whole). */
async function* generatedEpcisJson(n: number): AsyncIterable<Uint8Array> {
  const enc = new TextEncoder();
  yield enc.encode(
    `{"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"cbvmda":"urn:epcglobal:cbv:mda:"}],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-01-01T00:00:00Z","epcisBody":{"eventList":[`,
  );
  let batch: string[] = [];
  for (let i = 0; i < n; i++) {
    const lot = `urn:epc:class:lgtin:6901234.000001.BALE-${i % 5000}`;
    batch.push(
      `${i === 0 ? "" : ","}{"type":"ObjectEvent","eventTime":"2024-01-02T08:00:${String(i % 60).padStart(2, "0")}.${String(i % 1000).padStart(3, "0")}+08:00","eventTimeZoneOffset":"+08:00","action":"OBSERVE","bizStep":"shipping","disposition":"in_transit","readPoint":{"id":"urn:epc:id:sgln:6901234.00001.0"},"quantityList":[{"epcClass":"${lot}","quantity":${(i % 97) + 0.5},"uom":"KGM"}],"bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:6901234000014:PO-${i}"}],"sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:6901234.00000"}],"ilmd":{"cbvmda:countryOfOrigin":"CN"}}`,
    );
    if (batch.length === 500) {
      yield enc.encode(batch.join(""));
      batch = [];
    }
  }
  yield enc.encode(`${batch.join("")}]}}`);
}

describe("importEpcisJson on a large document", () => {
  // Speed is measured by `npm run bench:ingest` beside its baseline, never by a timed test.
  it("streams a generated 40k-event document in chunks of at most CHUNK_RECORDS records", async () => {
    const n = 40_000;
    let events = 0;
    let largest = 0;
    let errors = 0;
    for await (const c of importEpcisJson({ source: "generated.json", bytes: generatedEpcisJson(n) })) {
      const r = c.records;
      largest = Math.max(largest, r.events.length + r.lots.length + r.documents.length + r.locations.length);
      events += r.events.length;
      errors += c.issues.filter((i) => i.severity === "error").length;
    }
    expect(errors).toBe(0);
    expect(events).toBe(n);
    expect(largest).toBeLessThanOrEqual(CHUNK_RECORDS);
  }, 120_000);
});
