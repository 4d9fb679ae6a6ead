import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collectChunks } from "../csv/index.ts";
import type { Importer } from "../importer.ts";
import { streamBytes } from "../text/index.ts";
import { emptyFtmCounts, importFtmJsonLines } from "./import-ftm-json-lines.ts";
import { looksLikeFtmJsonLines } from "./looks-like-ftm-json-lines.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/ftm");
const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (bytes: Uint8Array, counts = emptyFtmCounts(), chunkSize = 4096) =>
  collectChunks(importFtmJsonLines({ source: "ftm.json", bytes: streamBytes(bytes, chunkSize) }, counts));

describe("importFtmJsonLines", () => {
  it("has the Importer shape", () => {
    const importer: Importer = importFtmJsonLines;
    expect(typeof importer).toBe("function");
  });

  it("turns the yente zala fixture's companies into parties and its ownerships into links", async () => {
    const counts = emptyFtmCounts();
    const { records, issues } = await run(
      readFileSync(resolve(FIXTURES, "yente/zala/entities.ftm.json")),
      counts,
    );
    expect(issues).toEqual([]);
    expect(counts).toEqual({
      parties: 11,
      links: 14,
      addresses: 11,
      // 6 Person, 4 Family, 3 Directorship, 1 Passport
      people: 14,
      ignored: { Sanction: 41 },
      deletions: 0,
    });
    expect(records.parties).toHaveLength(11);
    const kalashnikov = records.parties.find((p) => p.id === "party:ftm:NK-nR5AXM9AVPq4pQaSPSaVam");
    expect(kalashnikov?.name).toBe("JSC Kalashnikov Concern");
    expect(kalashnikov?.identifiers).toContainEqual({ scheme: "ftm", value: "NK-nR5AXM9AVPq4pQaSPSaVam" });
    // A 49 % stake of Kalashnikov in LLC CST, dated, even though LLC CST is a sanctioned target elsewhere.
    expect(records.links).toContainEqual(
      expect.objectContaining({
        kind: "owns",
        from: "party:ftm:NK-nR5AXM9AVPq4pQaSPSaVam",
        to: "party:ftm:NK-abdzbEBkqyT29GyREbiURZ",
        share: 0.49,
        startDate: "2016-03-29",
      }),
    );
    // The owner of this edge is a Person, not held: the edge is still kept.
    expect(records.links).toContainEqual(
      expect.objectContaining({
        from: "party:ftm:NK-aU5ybkbRFJucf8YMwsJvDw",
        to: "party:ftm:ru-inn-5920040846",
        share: 1,
      }),
    );
  });

  it("fills a party's address from Address entities wherever they sit in the file", async () => {
    const { records } = await run(readFileSync(resolve(FIXTURES, "yente/zala/entities.ftm.json")));
    const cst = records.parties.find((p) => p.id === "party:ftm:NK-abdzbEBkqyT29GyREbiURZ");
    expect(cst?.address).toContain("130 Vorovskogo st. Izhevsk, 426063, Russia");
    expect(cst?.address).toContain("D. 2 etazh 5 kom. 7, per. Institutski, Moscow, 127030");
    expect(cst?.country).toBe("RU");
  });

  it("reads the yente t1 fixture: organisations with aliases, people skipped", async () => {
    const counts = emptyFtmCounts();
    const { records, issues } = await run(
      readFileSync(resolve(FIXTURES, "yente/t1/entities.ftm.json")),
      counts,
    );
    expect(issues).toEqual([]);
    expect(counts.people).toBe(4);
    expect(records.parties.map((p) => p.name)).toContain("RAB „Inter Tobacco“");
    const tobacco = records.parties.find((p) => p.name === "RAB „Inter Tobacco“");
    expect(tobacco?.aliases).toContain("LLC “Inter Tobacco”");
    expect(tobacco?.country).toBe("BY");
  });

  it.each(readdirSync(resolve(FIXTURES, "yente/t2")))("reads the delta file %s", async (name) => {
    const counts = emptyFtmCounts();
    const { issues } = await run(readFileSync(resolve(FIXTURES, "yente/t2", name)), counts);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues.filter((i) => i.code === "ftm.delete-not-applied")).toHaveLength(counts.deletions);
  });

  it("reads the nomenklatura donations fixture", async () => {
    const counts = emptyFtmCounts();
    const { records, issues } = await run(
      readFileSync(resolve(FIXTURES, "nomenklatura/donations.ijson")),
      counts,
    );
    expect(issues).toEqual([]);
    expect(records.parties).toHaveLength(56 + 17);
    expect(counts.ignored).toEqual({ Payment: 290 });
    expect(counts.people).toBe(22);
    expect(records.parties.filter((p) => p.address).length).toBeGreaterThan(40);
  });

  it("finds a USCC among registration numbers and a valid LEI", async () => {
    const line = JSON.stringify({
      id: "cn-xpcc-1",
      schema: "Company",
      properties: {
        name: ["Xinjiang Example Cotton Co., Ltd."],
        registrationNumber: ["91653100MA78XJ5K3R", "not-a-uscc"],
        leiCode: ["5493001KJTIIGC8Y1R12"],
        country: ["cn"],
      },
    });
    const { records } = await run(utf8(`${line}\n`));
    expect(records.parties[0]?.identifiers).toEqual([
      { scheme: "ftm", value: "cn-xpcc-1" },
      { scheme: "uscc", value: "91653100MA78XJ5K3R" },
      { scheme: "lei", value: "5493001KJTIIGC8Y1R12" },
    ]);
    expect(records.parties[0]?.attributes.registrationNumber).toBe("91653100MA78XJ5K3R; not-a-uscc");
  });

  it("reports bad lines by number and keeps going", async () => {
    const text = [
      '{"id":"a","schema":"Company","properties":{"name":["A"]}}',
      "{not json",
      '{"schema":"Company","properties":{}}',
      '{"id":"o","schema":"Ownership","properties":{"owner":["a"],"asset":["b"],"percentage":["150"]}}',
    ].join("\n");
    const { records, issues } = await run(utf8(text));
    expect(records.parties).toHaveLength(1);
    expect(records.links).toHaveLength(1);
    expect(records.links[0]?.share).toBeUndefined();
    expect(issues.map((i) => [i.provenance.locator, i.path, i.severity])).toEqual([
      ["line 2", "", "error"],
      ["line 3", "id", "error"],
      ["line 4 (entity o)", "properties.percentage", "warning"],
    ]);
  });
});

describe("looksLikeFtmJsonLines", () => {
  it("recognises entities and deltas, not other JSON", () => {
    expect(looksLikeFtmJsonLines('{"id": "x", "schema": "Company", "properties": {"name": ["A"]}}\n')).toBe(
      true,
    );
    expect(looksLikeFtmJsonLines('{"op":"ADD","entity":{"id":"x"')).toBe(true);
    expect(
      looksLikeFtmJsonLines('{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"}'),
    ).toBe(false);
    expect(looksLikeFtmJsonLines("country,name,address\n")).toBe(false);
  });
});
