import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, type SupplyEvent } from "../../model/index.ts";
import type { Importer } from "../importer.ts";
import { canonicalNumber, canonicalTimestamp } from "./canonical-value.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { errorsOf, FIXTURES, fixtureFiles, importFile } from "./test-helpers.ts";

const OPEN = "openepcis-2.0";
const importerFor = (file: string): Importer => (file.endsWith(".xml") ? importEpcisXml : importEpcisJson);

const VALID = [
  ...["JSON/Capture/Documents", "JSON/Capture/Events", "JSON/Query"].flatMap((d) => fixtureFiles(`${OPEN}/${d}`, /\.json$/)),
  ...["XML/Capture/Documents", "XML/Capture/Events", "XML/Query", "XML/Query/Documents"].flatMap((d) =>
    fixtureFiles(`${OPEN}/${d}`, /\.xml$/),
  ),
];
const INVALID = [
  "JSON/Capture/Invalid",
  "JSON/Query/Invalid",
  "JSON/Query/Queries/Invalid",
  "XML/Capture/Invalid",
  "XML/Query/Invalid",
  "XML/Query/Queries/Invalid",
].flatMap((d) => fixtureFiles(`${OPEN}/${d}`, /\.(json|xml)$/));

describe("EPCIS 2.0 conformance: valid documents", () => {
  it("finds the fixtures", () => {
    expect(VALID.length).toBeGreaterThan(90);
    expect(INVALID.length).toBeGreaterThan(25);
  });
  for (const file of VALID) {
    it(`imports ${file.slice(FIXTURES.length + OPEN.length + 2)} without errors`, async () => {
      const r = await importFile(importerFor(file), file, 997);
      expect(errorsOf(r).map(formatIssue)).toEqual([]);
      expect(r.events.length).toBeGreaterThan(0);
    });
  }
});

/**
 * Extension values compared as their XML lexical form: JSON has numbers and booleans, XML only
 * text, and both mean the same (the event ids, computed on the canonical form, must match exactly).
 */
function lexical(v: unknown): unknown {
  if (typeof v === "number" || typeof v === "boolean") return canonicalNumber(String(v));
  if (typeof v === "string") return canonicalNumber(canonicalTimestamp(v));
  if (Array.isArray(v)) return v.map(lexical);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lexical(x)]));
  return v;
}

/** The event without where it was read from (provenance, locator). */
function comparable(e: SupplyEvent): unknown {
  const { provenance: _p, extra, ilmd, ...rest } = e;
  return { ...rest, extra: lexical(extra), ilmd: lexical(ilmd) };
}

describe("EPCIS 2.0 conformance: XML and JSON twins give the same events", () => {
  const pairs = fixtureFiles(`${OPEN}/XML/Capture/Documents`, /\.xml$/)
    .map((xml) => [xml, join(FIXTURES, OPEN, "JSON/Capture/Documents", basename(xml).replace(/\.xml$/, ".json"))] as const)
    .filter(([, json]) => existsSync(json));
  it("has twins to compare", () => {
    expect(pairs.length).toBeGreaterThan(25);
  });
  for (const [xml, json] of pairs) {
    it(basename(xml, ".xml"), async () => {
      const [fromXml, fromJson] = await Promise.all([importFile(importEpcisXml, xml), importFile(importEpcisJson, json)]);
      expect(fromXml.events.map((e) => e.id)).toEqual(fromJson.events.map((e) => e.id));
      expect(fromXml.events.map(comparable)).toEqual(fromJson.events.map(comparable));
    });
  }
});

describe("EPCIS 2.0 conformance: invalid documents are rejected with issues naming file, event and field", () => {
  for (const file of INVALID) {
    it(file.slice(FIXTURES.length + OPEN.length + 2), async () => {
      const r = await importFile(importerFor(file), file);
      const errors = errorsOf(r);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.provenance.source).toBe(basename(file));
      const aboutEvents = errors.filter((e) => /event \d+/.test(e.provenance.locator));
      if (aboutEvents.length > 0) {
        expect(aboutEvents.every((e) => e.path !== "" && e.message.length > 10)).toBe(true);
        if (file.endsWith(".xml")) expect(aboutEvents.every((e) => /line \d+/.test(e.provenance.locator))).toBe(true);
      } else {
        // No event to name: a query or a document-level fault, still with the field.
        expect(errors.some((e) => e.path !== "" || /malformed|truncated|no XML/.test(e.message))).toBe(true);
      }
    });
  }
});
