import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Importer } from "../importer.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { fixtureFiles, runImporter } from "./test-helpers.ts";

/** Bad input of any shape gives issues, never a throw or a hang. */
const JSON_DOCS = fixtureFiles("openepcis-2.0/JSON/Capture/Documents", /\.json$/).map((f) =>
  readFileSync(f, "utf8"),
);
const XML_DOCS = fixtureFiles("openepcis-2.0/XML/Capture/Documents", /\.xml$/).map((f) =>
  readFileSync(f, "utf8"),
);

async function survives(importer: Importer, text: string, chunk: number): Promise<void> {
  const started = Date.now();
  const r = await runImporter(importer, "fuzz", new TextEncoder().encode(text), chunk);
  expect(Date.now() - started).toBeLessThan(5000);
  for (const c of r.chunks) expect(c.records.events.length).toBeLessThanOrEqual(2000);
  for (const i of r.issues) expect(i.provenance.source).toBe("fuzz");
}

const mutation = (docs: readonly string[]) =>
  fc.record({
    doc: fc.constantFrom(...docs),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    insert: fc.string({ maxLength: 8 }),
    drop: fc.nat(20),
    chunk: fc.integer({ min: 1, max: 512 }),
  });

function mutate(m: { doc: string; cut: number; at: number; insert: string; drop: number }): string {
  const at = Math.floor(m.at * m.doc.length);
  const mutated = m.doc.slice(0, at) + m.insert + m.doc.slice(at + m.drop);
  return mutated.slice(0, Math.max(1, Math.floor(mutated.length * (0.5 + m.cut / 2))));
}

describe("importEpcisJson and importEpcisXml under hostile input", () => {
  it("JSON: random text never throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (t, c) =>
        survives(importEpcisJson, t, c),
      ),
      { numRuns: 200 },
    );
  });

  it("XML: random text never throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (t, c) =>
        survives(importEpcisXml, t, c),
      ),
      { numRuns: 200 },
    );
  });

  it("JSON: mutated and truncated conformance documents give issues, not throws", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(JSON_DOCS), (m) => survives(importEpcisJson, mutate(m), m.chunk)),
      { numRuns: 150 },
    );
  });

  it("XML: mutated and truncated conformance documents give issues, not throws", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(XML_DOCS), (m) => survives(importEpcisXml, mutate(m), m.chunk)),
      { numRuns: 150 },
    );
  });

  it("JSON: any JSON value as a document or as an event gives issues, not throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
        await survives(importEpcisJson, JSON.stringify(v), 7);
        const doc = {
          "@context": ["x"],
          type: "EPCISDocument",
          epcisBody: {
            eventList: [
              v,
              { type: "ObjectEvent", ...(typeof v === "object" && v && !Array.isArray(v) ? v : {}) },
            ],
          },
        };
        const r = await runImporter(
          importEpcisJson,
          "fuzz",
          new TextEncoder().encode(JSON.stringify(doc)),
          13,
        );
        expect(r.issues.length + r.events.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("a truncated document is reported as such", async () => {
    const doc = JSON_DOCS[0] ?? "";
    const json = await runImporter(
      importEpcisJson,
      "t.json",
      new TextEncoder().encode(doc.slice(0, doc.length / 2)),
    );
    expect(json.issues.some((i) => i.severity === "error" && /truncated|malformed/.test(i.message))).toBe(
      true,
    );
    const xmlDoc = XML_DOCS[0] ?? "";
    const xml = await runImporter(
      importEpcisXml,
      "t.xml",
      new TextEncoder().encode(xmlDoc.slice(0, xmlDoc.length / 2)),
    );
    expect(xml.issues.some((i) => i.severity === "error" && /malformed XML/.test(i.message))).toBe(true);
  });
});
