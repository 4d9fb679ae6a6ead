import { describe, expect, it } from "vitest";
import type { Location, SupplyEvent } from "../../model/index.ts";
import type { Importer } from "../importer.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { errorsOf, fixtureFiles, importFile, runImporter } from "./test-helpers.ts";
import { writeEpcisJsonLd } from "./write-epcis-json-ld.ts";

async function* from<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

async function exportText(locations: readonly Location[], events: readonly SupplyEvent[]): Promise<string> {
  let text = "";
  for await (const s of writeEpcisJsonLd({
    locations: from(locations),
    events: from(events),
    creationDate: "2025-01-01T00:00:00.000Z",
  }))
    text += s;
  return text;
}

const withoutProvenance = <T extends { provenance: unknown }>(r: T) => ({ ...r, provenance: undefined });

const SOURCES: readonly (readonly [string, RegExp, Importer])[] = [
  ["openepcis-2.0/JSON/Capture/Documents", /\.json$/, importEpcisJson],
  ["openepcis-2.0/JSON/Query", /\.json$/, importEpcisJson],
  ["openepcis-2.0/XML/Capture/Documents", /\.xml$/, importEpcisXml],
  ["event-hash/tests/examples", /\.(jsonld|xml)$/, importEpcisJson],
];

describe("writeEpcisJsonLd", () => {
  for (const [dir, ext, importer] of SOURCES) {
    for (const file of fixtureFiles(dir, ext)) {
      const imp = file.endsWith(".xml") ? importEpcisXml : importer;
      it(`round-trips ${dir.split("/").slice(-2).join("/")}/${file.split("/").pop()}: import → export → import gives the same events and locations`, async () => {
        const first = await importFile(imp, file);
        const text = await exportText(first.locations, first.events);
        const second = await runImporter(
          importEpcisJson,
          "export.jsonld",
          new TextEncoder().encode(text),
          1000,
        );
        expect(errorsOf(second)).toEqual([]);
        expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
        expect(second.events.map(withoutProvenance)).toEqual(first.events.map(withoutProvenance));
        expect(second.locations.map(withoutProvenance)).toEqual(first.locations.map(withoutProvenance));
      });
    }
  }

  it("writes a parseable EPCIS document with master data and retracted events", async () => {
    const file =
      fixtureFiles("openepcis-2.0/JSON/Capture/Documents", /ObjectEvent_with_error_declaration\.json$/)[0] ??
      "";
    const r = await importFile(importEpcisJson, file);
    expect(r.events.some((e) => e.retracted)).toBe(true);
    const doc = JSON.parse(await exportText(r.locations, r.events));
    expect(doc.type).toBe("EPCISDocument");
    expect(doc.epcisBody.eventList.length).toBe(r.events.length);
    expect(doc.epcisBody.eventList.some((e: { errorDeclaration?: unknown }) => e.errorDeclaration)).toBe(
      true,
    );
  });
});

const MASTER_DATA = {
  "@context": [
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    { cbvmda: "urn:epcglobal:cbv:mda:" },
  ],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2024-01-01T00:00:00Z",
  epcisHeader: {
    epcisMasterData: {
      vocabularyList: [
        {
          type: "urn:epcglobal:epcis:vtype:BusinessLocation",
          vocabularyElementList: [
            {
              id: "urn:epc:id:sgln:6901234.00001.0",
              attributes: [
                { id: "urn:epcglobal:cbv:mda#name", attribute: "Aksu Ginning Mill" },
                { id: "urn:epcglobal:cbv:mda#streetAddressOne", attribute: "1 Cotton Road" },
                { id: "urn:epcglobal:cbv:mda#city", attribute: "Aksu" },
                { id: "urn:epcglobal:cbv:mda#countryCode", attribute: "CN" },
                { id: "urn:epcglobal:cbv:mda#latitude", attribute: "41.17" },
                { id: "urn:epcglobal:cbv:mda#longitude", attribute: 80.26 },
                { id: "https://example.com/md#uscc", attribute: "91652900MA775XXXXX" },
              ],
            },
          ],
        },
      ],
    },
  },
  epcisBody: {
    eventList: [
      {
        type: "ObjectEvent",
        eventTime: "2024-01-02T08:00:00+08:00",
        eventTimeZoneOffset: "+08:00",
        action: "ADD",
        bizStep: "commissioning",
        quantityList: [
          { epcClass: "https://id.gs1.org/01/06901234000014/10/BALE-7", quantity: 2.5, uom: "TNE" },
        ],
        bizLocation: { id: "urn:epc:id:sgln:6901234.00001.0" },
        ilmd: { "cbvmda:countryOfOrigin": "CN" },
      },
    ],
  },
};

describe("importEpcisJson master data and mapping", () => {
  it("reads BusinessLocation master data, Digital Link classes, Rec 20 units and ILMD, and round-trips them", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(MASTER_DATA));
    const r = await runImporter(importEpcisJson, "md.json", bytes);
    expect(errorsOf(r)).toEqual([]);
    const [loc] = r.locations;
    expect(loc).toMatchObject({
      id: "urn:epc:id:sgln:6901234.00001.0",
      name: "Aksu Ginning Mill",
      address: { lines: ["1 Cotton Road"], city: "Aksu", country: "CN" },
      latitude: 41.17,
      longitude: 80.26,
      attributes: { "https://example.com/md#uscc": "91652900MA775XXXXX" },
    });
    const [event] = r.events;
    expect(event).toMatchObject({
      kind: "origin",
      bizLocation: "urn:epc:id:sgln:6901234.00001.0",
      ilmd: { "cbvmda:countryOfOrigin": "CN" },
    });
    expect(event?.quantities).toEqual([
      { lot: "urn:epc:class:lgtin:6901234.000001.BALE-7", quantity: 2.5, uom: "TNE", kg: 2500 },
    ]);
    expect(r.lots.map((l) => l.id)).toEqual(["urn:epc:class:lgtin:6901234.000001.BALE-7"]);
    const text = await exportText(r.locations, r.events);
    const again = await runImporter(importEpcisJson, "again.json", new TextEncoder().encode(text));
    expect(again.locations.map(withoutProvenance)).toEqual(r.locations.map(withoutProvenance));
    expect(again.events.map((e) => e.id)).toEqual(r.events.map((e) => e.id));
  });
});
