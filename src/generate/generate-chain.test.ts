import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateChain, SAMPLE_SIZES } from "./generate-chain.ts";
import { csvHeader, eventsOf, generateTexts, parseCsv } from "./test-helpers.ts";

const SMALL = { events: 1_500, seed: 42 };
const texts = generateTexts(SMALL);

function text(name: string): string {
  const value = texts.get(name);
  if (value === undefined) throw new Error(`no ${name}`);
  return value;
}

/** The column names of a template table in templates/README.md, in order. */
function templateColumns(template: string): string[] {
  const readme = readFileSync(resolve(import.meta.dirname, "../../templates/README.md"), "utf8");
  const section = readme.split(`## \`${template}\``)[1]?.split("\n## ")[0] ?? "";
  const firstCells = [...section.matchAll(/^\| (`[^|]+)\|/gm)].map((m) => m[1] ?? "");
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? ""));
}

describe("generateChain", () => {
  it("writes the JSON-LD document(s) first and the ground truth last", () => {
    expect([...texts.keys()]).toEqual([
      "chain.epcis.jsonld",
      "facilities.csv",
      "movements.csv",
      "ground-truth.json",
    ]);
  });

  it("gives the same bytes for the same seed and size", () => {
    const again = generateTexts(SMALL);
    for (const [name, value] of texts) expect(again.get(name), name).toBe(value);
  });

  it("gives different chains for different seeds", () => {
    const other = generateTexts({ ...SMALL, seed: 43 });
    expect(other.get("chain.epcis.jsonld")).not.toBe(text("chain.epcis.jsonld"));
    expect(other.get("ground-truth.json")).not.toBe(text("ground-truth.json"));
  });

  it("writes an EPCIS 2.0 capture document with the GS1 context and master data for every facility", () => {
    const doc = JSON.parse(text("chain.epcis.jsonld"));
    expect(doc.type).toBe("EPCISDocument");
    expect(doc.schemaVersion).toBe("2.0");
    expect(doc["@context"][0]).toBe("https://ref.gs1.org/standards/epcis/epcis-context.jsonld");
    expect(doc["@context"][1]).toMatchObject({ cbvmda: "urn:epcglobal:cbv:mda#" });
    const [vocabulary] = doc.epcisHeader.epcisMasterData.vocabularyList;
    expect(vocabulary.type).toBe("urn:epcglobal:epcis:vtype:BusinessLocation");
    const facilityIds = parseCsv(text("facilities.csv")).map((row) => row.facility_id);
    expect(vocabulary.vocabularyElementList.map((el: { id: string }) => el.id)).toEqual(facilityIds);
    const names = vocabulary.vocabularyElementList[0].attributes.map(
      (a: { id: string }) => a.id.split("#")[1],
    );
    expect(names).toEqual([
      "name",
      "streetAddressOne",
      "city",
      "state",
      "postalCode",
      "countryCode",
      "latitude",
      "longitude",
    ]);
  });

  it("gives every event a type, eventID, eventTime and offset, and an action where EPCIS requires one", () => {
    const events = eventsOf(text("chain.epcis.jsonld"));
    expect(events.length).toBeGreaterThan(1_000);
    for (const event of events) {
      expect(["ObjectEvent", "TransformationEvent"]).toContain(event.type);
      expect(event.eventID).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(event.eventTime))).toBe(false);
      expect(event.eventTimeZoneOffset).toMatch(/^[+-]\d{2}:\d{2}$/);
      if (event.type === "ObjectEvent") expect(["ADD", "OBSERVE"]).toContain(event.action);
      else expect(event.inputQuantityList?.length && event.outputQuantityList?.length).toBeTruthy();
      for (const q of [
        ...(event.quantityList ?? []),
        ...(event.inputQuantityList ?? []),
        ...(event.outputQuantityList ?? []),
      ]) {
        expect(q.epcClass).toMatch(/^urn:epc:class:lgtin:\d{7}\.\d{6}\.[A-Z0-9-]+$/);
        expect(q.uom).toBe("KGM");
        expect(q.quantity).toBeGreaterThan(0);
      }
    }
  });

  it("has a retraction: a later copy of an event with the same eventID and an errorDeclaration", () => {
    const events = eventsOf(text("chain.epcis.jsonld"));
    const retractions = events.filter((e) => e.errorDeclaration);
    expect(retractions.length).toBeGreaterThan(0);
    for (const copy of retractions) {
      const original = events.findIndex((e) => e.eventID === copy.eventID && !e.errorDeclaration);
      expect(original).toBeGreaterThanOrEqual(0);
      expect(original).toBeLessThan(events.indexOf(copy));
      for (const id of copy.errorDeclaration?.correctiveEventIDs ?? [])
        expect(events.some((e) => e.eventID === id)).toBe(true);
    }
  });

  it("writes CSV files with exactly the template header columns", () => {
    expect(csvHeader(text("facilities.csv"))).toEqual(templateColumns("facilities.csv"));
    expect(csvHeader(text("movements.csv"))).toEqual(templateColumns("movements.csv"));
    expect(templateColumns("movements.csv").length).toBe(16);
  });

  it("puts the events of suppliers without EPCIS in movements.csv only", () => {
    const rows = parseCsv(text("movements.csv"));
    expect(rows.length).toBeGreaterThan(10);
    const csvRefs = new Set(rows.map((row) => row.event_ref));
    const csvFacilities = new Set(rows.map((row) => row.facility_id));
    for (const event of eventsOf(text("chain.epcis.jsonld"))) {
      expect(csvRefs.has(event.eventID)).toBe(false);
      expect(csvFacilities.has(event.bizLocation?.id ?? "")).toBe(false);
    }
  });

  it("describes Chinese companies with USCCs carrying their region code, Chinese names and owners", () => {
    const rows = parseCsv(text("facilities.csv"));
    const chinese = rows.filter((row) => row.country === "CN");
    expect(chinese.every((row) => /^91\d{6}[0-9A-Z]{10}$/.test(row.uscc ?? ""))).toBe(true);
    const xinjiang = chinese.filter((row) => /Xinjiang|新疆/.test(row.state ?? ""));
    expect(xinjiang.length).toBeGreaterThan(3);
    expect(xinjiang.every((row) => row.uscc?.slice(2, 4) === "65")).toBe(true);
    expect(rows.some((row) => /[\u4e00-\u9fff]/.test(row.party_name ?? ""))).toBe(true);
    expect(
      rows.some(
        (row) =>
          row.owner_party_name === "Xinjiang Production and Construction Corps" && row.owner_share === "0.6",
      ),
    ).toBe(true);
    expect(
      rows.some(
        (row) => row.party_name === "Anhui Xinya New Materials Co., Ltd." && row.uscc?.slice(2, 4) === "34",
      ),
    ).toBe(true);
  });
});

describe("generateChain streaming", () => {
  // Were the chain built before it is written, asking for 10 M events would exhaust the test's
  // time and memory long before the first chunk; lazily, the first chunks come at once.
  it("yields the first chunks of a 10-million-event chain without building the chain", () => {
    const [first] = generateChain({ events: 10_000_000, seed: 1 }).files;
    const iterator = first?.chunks[Symbol.iterator]();
    for (let i = 0; i < 20; i++) expect(iterator?.next().done).toBe(false);
    expect(first?.name).toBe("chain-001.epcis.jsonld");
  });

  it("streams a 200k-event chain in bounded chunks", () => {
    const [doc] = generateChain({ events: 200_000, seed: 3 }).files;
    let chunks = 0;
    let largest = 0;
    let events = 0;
    for (const chunk of doc?.chunks ?? []) {
      chunks += 1;
      largest = Math.max(largest, chunk.length);
      events += chunk.split('"eventID"').length - 1;
    }
    expect(chunks).toBeGreaterThan(3_000);
    expect(largest).toBeLessThan(512 * 1024);
    expect(events).toBeGreaterThan(190_000);
    expect(events).toBeLessThan(200_400);
  }, 120_000);

  it("splits large chains into documents of at most the maximum, in any reading order", () => {
    const options = { events: 4_000, seed: 5, maxDocumentEvents: 1_000 };
    const files = generateChain(options).files.filter((f) => f.name.endsWith(".jsonld"));
    expect(files.map((f) => f.name)).toEqual([
      "chain-001.epcis.jsonld",
      "chain-002.epcis.jsonld",
      "chain-003.epcis.jsonld",
      "chain-004.epcis.jsonld",
      "chain-005.epcis.jsonld",
      "chain-006.epcis.jsonld",
      "chain-007.epcis.jsonld",
    ]);
    const inOrder = files.map((f) => [...f.chunks].join(""));
    const reversed = generateChain(options)
      .files.filter((f) => f.name.endsWith(".jsonld"))
      .reverse()
      .map((f) => [...f.chunks].join(""))
      .reverse();
    expect(reversed).toEqual(inOrder);
    const ids = inOrder.flatMap((doc) => {
      const events = eventsOf(doc);
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBeLessThanOrEqual(1_000);
      return events.map((e) => e.eventID + (e.errorDeclaration ? "!" : ""));
    });
    const whole = eventsOf(generateTexts({ events: 4_000, seed: 5 }).get("chain.epcis.jsonld") ?? "");
    expect(ids).toEqual(whole.map((e) => e.eventID + (e.errorDeclaration ? "!" : "")));
  });

  it("offers small, medium and large sizes", () => {
    expect(SAMPLE_SIZES.small).toBeLessThan(SAMPLE_SIZES.medium);
    expect(SAMPLE_SIZES.medium).toBeLessThan(SAMPLE_SIZES.large);
  });
});
