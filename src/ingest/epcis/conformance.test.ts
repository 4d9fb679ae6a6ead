import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, type QuantityLine, type SupplyEvent } from "../../model/index.ts";
import type { Importer } from "../importer.ts";
import { canonicalNumber, canonicalTimestamp } from "./canonical-value.ts";
import { normaliseGs1Uri } from "./digital-link-normaliser.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { errorsOf, FIXTURES, fixtureFiles, importFile } from "./test-helpers.ts";

const OPEN = "openepcis-2.0";
const importerFor = (file: string): Importer => (file.endsWith(".xml") ? importEpcisXml : importEpcisJson);

const VALID = [
  ...["JSON/Capture/Documents", "JSON/Capture/Events", "JSON/Query"].flatMap((d) =>
    fixtureFiles(`${OPEN}/${d}`, /\.json$/),
  ),
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
    // openepcis lists JumbledFieldsOrder.xml as valid, yet it breaks the XSD sequence: its events are
    // imported and the order is reported as a (non-blocking) error, checked in the invalid-order test.
    if (/JumbledFieldsOrder\.xml$/.test(file)) continue;
    it(`imports ${file.slice(FIXTURES.length + OPEN.length + 2)} without errors`, async () => {
      const r = await importFile(importerFor(file), file, 997);
      expect(errorsOf(r).map(formatIssue)).toEqual([]);
      expect(r.events.length).toBeGreaterThan(0);
    });
  }
});

/**
 * Extension values compared as their XML lexical form with expanded names: JSON has numbers and
 * booleans, XML only text; prefixes are the writer's choice. Comments are no event data.
 */
function lexical(v: unknown, ns: Readonly<Record<string, string>>): unknown {
  if (typeof v === "number" || typeof v === "boolean") return canonicalNumber(String(v));
  if (typeof v === "string") return canonicalNumber(canonicalTimestamp(v));
  if (Array.isArray(v)) return v.map((x) => lexical(x, ns));
  if (!v || typeof v !== "object") return v;
  const entries = Object.entries(v).filter(
    ([k]) => k !== "@context" && k !== "rdfs:comment" && k !== "comment",
  );
  return Object.fromEntries(
    entries.map(([k, x]) => {
      const colon = k.indexOf(":");
      const uri = colon > 0 ? ns[k.slice(0, colon)] : undefined;
      return [uri ? `{${uri}}${k.slice(colon + 1)}` : k, lexical(x, ns)];
    }),
  );
}

/** GS1 keys compared as canonical Digital Links: a Digital Link whose URN needs the company prefix length stays a link. */
const gs1 = (id: string) => normaliseGs1Uri(id.replace(/^(lot|loc):/, "")) ?? id;

/** The event without where it was read from, in a form both serialisations must agree on. */
function comparable(e: SupplyEvent): unknown {
  const {
    provenance: _p,
    extra,
    ilmd,
    epcs,
    inputEpcs,
    outputEpcs,
    quantities,
    inputs,
    outputs,
    ...rest
  } = e;
  const ns = (extra["@context"] ?? {}) as Record<string, string>;
  const lines = (l: readonly QuantityLine[]) => l.map((q) => ({ ...q, lot: gs1(q.lot) }));
  return {
    ...rest,
    readPoint: rest.readPoint && gs1(rest.readPoint),
    bizLocation: rest.bizLocation && gs1(rest.bizLocation),
    epcs: epcs.map(gs1),
    inputEpcs: inputEpcs.map(gs1),
    outputEpcs: outputEpcs.map(gs1),
    quantities: lines(quantities),
    inputs: lines(inputs),
    outputs: lines(outputs),
    sources: rest.sources.map((r) => ({ ...r, id: gs1(r.id) })),
    destinations: rest.destinations.map((r) => ({ ...r, id: gs1(r.id) })),
    extra: lexical(extra, ns),
    ilmd: lexical(ilmd, ns),
  };
}

/**
 * Twins whose fixtures differ in substance: XML binds cbvmda to `urn:epcglobal:cbv:mda`, the JSON
 * twin to `urn:epcglobal:cbv:mda:` (or another URI), which the event hash sees (reference
 * behaviour), so their ids differ; ObjectEvent_with_error_declaration states another
 * declarationTime. Everything else is still compared.
 */
const NAMESPACE_TWINS = new Set([
  "ObjectEvent_all_possible_fields",
  "SensorData_with_combined_events",
  "TransformationEvent_with_userExtensions",
]);

describe("EPCIS 2.0 conformance: XML and JSON twins give the same events", () => {
  const pairs = fixtureFiles(`${OPEN}/XML/Capture/Documents`, /\.xml$/)
    .map(
      (xml) =>
        [
          xml,
          join(FIXTURES, OPEN, "JSON/Capture/Documents", basename(xml).replace(/\.xml$/, ".json")),
        ] as const,
    )
    .filter(([, json]) => existsSync(json));
  it("has twins to compare", () => {
    expect(pairs.length).toBeGreaterThan(25);
  });
  for (const [xml, json] of pairs) {
    it(basename(xml, ".xml"), async () => {
      const [fromXml, fromJson] = await Promise.all([
        importFile(importEpcisXml, xml),
        importFile(importEpcisJson, json),
      ]);
      const name = basename(xml, ".xml");
      if (!NAMESPACE_TWINS.has(name))
        expect(fromXml.events.map((e) => e.id)).toEqual(fromJson.events.map((e) => e.id));
      const strip = (e: SupplyEvent) => {
        const { id: _i, extra, ilmd, errorDeclaration, ...c } = comparable(e) as SupplyEvent;
        const keep = NAMESPACE_TWINS.has(name) ? c : { ...c, extra, ilmd };
        return {
          ...keep,
          errorDeclaration: errorDeclaration && { ...errorDeclaration, declarationTime: "" },
        };
      };
      expect(fromXml.events.map(strip)).toEqual(fromJson.events.map(strip));
    });
  }
});

describe("importEpcisXml on JumbledFieldsOrder.xml", () => {
  it("keeps the events and reports the XSD order violation", async () => {
    const file = join(FIXTURES, OPEN, "XML/Capture/Documents/JumbledFieldsOrder.xml");
    const r = await importFile(importEpcisXml, file);
    expect(r.events.length).toBe(1);
    expect(errorsOf(r).map((e) => e.code)).toContain("epcis.xml-order");
    expect(errorsOf(r)[0]?.provenance.locator).toMatch(/^line 7, event 1/);
  });
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
        if (file.endsWith(".xml"))
          expect(aboutEvents.every((e) => /line \d+/.test(e.provenance.locator))).toBe(true);
      } else {
        // No event to name: a query or a document-level fault, still with the field.
        expect(errors.some((e) => e.path !== "" || /malformed|truncated|no XML/.test(e.message))).toBe(true);
      }
    });
  }
});

/** What each invalid document must be blamed for: the field, and for XML the line. */
const EXPECTED: Readonly<Record<string, readonly [locator: RegExp, path: string, message: RegExp]>> = {
  "JSON/Capture/Invalid/ObjectEvent_without_action_and_eventTime.json": [
    /^event 1$/,
    "action",
    /missing action/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_invalid_eventTime_format.json": [
    /^event 1$/,
    "eventTime",
    /ISO 8601/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_non_standard_bizStep.json": [
    /^event 1$/,
    "bizStep",
    /not a standard CBV bizstep/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_non_standard_bizStep_in_second_event.json": [
    /^event 2$/,
    "bizStep",
    /transforming/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_non_standard_disposition.json": [
    /^event 1$/,
    "disposition",
    /in_transport/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_quantity_as_text.json": [
    /^event 1$/,
    "quantityList[0].quantity",
    /expected a number/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_unknown_field_in_quantityList.json": [
    /^event 1$/,
    "quantityList[0].weight",
    /unknown field/,
  ],
  "JSON/Capture/Invalid/EPCISDocument_without_context.json": [/^event 1$/, "@context", /no @context/],
  "JSON/Capture/Invalid/ObjectEvent_with_ilmd_field_without_namespace.json": [
    /^event 1$/,
    "ilmd.materialType",
    /no namespace/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_invalid_action.json": [
    /^event 1$/,
    "action",
    /ADD, OBSERVE or DELETE/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_with_invalid_certificationInfo.json": [
    /^event 1$/,
    "certificationInfo",
    /URI/,
  ],
  "JSON/Capture/Invalid/ObjectEvent_without_identifier_list.json": [
    /^event 1$/,
    "epcList",
    /epcList or a quantityList/,
  ],
  "JSON/Query/Invalid/QueryDocument_with_invalid_eventType.json": [/^event 1$/, "type", /ObjectEventInvalid/],
  "XML/Capture/Invalid/ObjectEvent_with_wrong_element_order.xml": [
    /^line 6, event 1$/,
    "eventTime",
    /must come before <action>/,
  ],
  "XML/Capture/Invalid/ObjectEvent_with_unknown_element.xml": [
    /^line 6, event 1$/,
    "madeUpField",
    /not an element/,
  ],
  "XML/Capture/Invalid/ObjectEvent_with_near_miss_action.xml": [/^line 6, event 1$/, "action", /OBSERV/],
  "XML/Capture/Invalid/ObjectEvent_without_eventTime.xml": [
    /^line \d+, event 1$/,
    "eventTime",
    /missing eventTime/,
  ],
  "XML/Capture/Invalid/ObjectEvent_bare_event_without_action.xml": [
    /^line 1, event 1$/,
    "action",
    /missing action/,
  ],
  "XML/Query/Invalid/QueryDocument_with_invalid_eventType.xml": [
    /^line 8, event 1$/,
    "type",
    /ObjectEventInvalid/,
  ],
};

describe("EPCIS 2.0 conformance: invalid documents name the right event and field", () => {
  for (const [rel, [locator, path, message]] of Object.entries(EXPECTED)) {
    it(rel, async () => {
      const file = join(FIXTURES, OPEN, rel);
      const r = await importFile(importerFor(file), file);
      const hit = errorsOf(r).find(
        (e) => e.path === path && locator.test(e.provenance.locator) && message.test(e.message),
      );
      expect(hit, errorsOf(r).map(formatIssue).join("\n")).toBeDefined();
    });
  }
});
