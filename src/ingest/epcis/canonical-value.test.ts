import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJsonNumber,
  canonicalTimestamp,
  canonicalValue,
  isCanonicalInstant,
  jsonNumberText,
  parseInstant,
  webVocabulary,
} from "./canonical-value.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const canonicalShaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 19 }),
    fc.integer({ min: 0, max: 39 }),
    fc.integer({ min: 0, max: 29 }),
    fc.integer({ min: 0, max: 69 }),
    fc.integer({ min: 0, max: 69 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(
    ([y, mo, d, h, mi, s, ms]) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`,
  );

describe("canonicalTimestamp", () => {
  it("returns text already in canonical form as parsing and printing it would", () => {
    fc.assert(
      fc.property(canonicalShaped, (text) => {
        const ms = parseInstant(text);
        expect(canonicalTimestamp(text)).toBe(ms === undefined ? text : new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("still canonicalises other forms", () => {
    expect(canonicalTimestamp("2020-03-04T11:00:30+01:00")).toBe("2020-03-04T10:00:30.000Z");
    expect(canonicalTimestamp("not a time")).toBe("not a time");
  });
});

describe("isCanonicalInstant (the event-time fast path of the mapping)", () => {
  /** The slow path's answer: the text is a valid instant that prints as itself. */
  const printsAsItself = (text: string) => {
    const ms = parseInstant(text);
    return ms !== undefined && new Date(ms).toISOString() === text;
  };

  it("says yes only for valid instants that print as themselves, and for all of those from year 1000", () => {
    fc.assert(
      fc.property(canonicalShaped, (text) => {
        const year = Number(text.slice(0, 4));
        if (isCanonicalInstant(text)) expect(printsAsItself(text)).toBe(true);
        else if (year >= 1000) expect(printsAsItself(text)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("knows month lengths and leap years, and turns away other shapes", () => {
    for (const text of [
      "2024-02-29T00:00:00.000Z",
      "2000-02-29T23:59:59.999Z",
      "2023-04-30T12:00:00.000Z",
      "1000-01-01T00:00:00.000Z",
    ])
      expect([text, isCanonicalInstant(text)]).toEqual([text, true]);
    for (const text of [
      "2023-02-29T00:00:00.000Z",
      "1900-02-29T00:00:00.000Z",
      "2023-04-31T00:00:00.000Z",
      "2023-00-10T00:00:00.000Z",
      "2023-01-10T24:00:00.000Z",
      "2023-01-10T10:60:00.000Z",
      "2023-01-10T10:00:60.000Z",
      "0999-01-01T00:00:00.000Z",
      "2023-01-10T10:00:00.000+00:00",
      " 2023-01-10T10:00:00.000Z",
      "2023-01-10T10:00:00.00Z",
      "2023-01-10 10:00:00.000Z",
    ])
      expect([text, isCanonicalInstant(text)]).toEqual([text, false]);
  });
});

describe("canonicalJsonNumber (the quantity fast path of the event hash)", () => {
  it("equals canonicalValue of the number's text for any double", () => {
    const doubles = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(0, -0, 1e21, -1e21, 1e16, 1e-4, 9.99e-5, 123456789012345680000, 2 ** 53, 0.1 + 0.2),
    );
    fc.assert(
      fc.property(doubles, (x) => {
        expect(canonicalJsonNumber(x)).toBe(canonicalValue(jsonNumberText(x)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("webVocabulary", () => {
  // The reference's way: each vocabulary's URN prefix replaced in turn over the whole text.
  const inTurn = (text: string) =>
    [
      ["urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"],
      ["urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"],
      ["urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"],
      ["urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"],
      ["urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"],
    ].reduce((out, [from = "", to = ""]) => out.replaceAll(from, to), text);
  const pieces = [
    "urn:epcglobal:cbv:",
    "bizstep:",
    "disp:",
    "btt:",
    "bt:",
    "sdt:",
    "er:",
    "urn:",
    "x",
    ":",
    " ",
  ];

  it("replaces every CBV URN prefix in one pass as replacing them in turn does", () => {
    expect(webVocabulary("urn:epcglobal:cbv:bt:0614141000005:PO-1")).toBe(
      "urn:epcglobal:cbv:bt:0614141000005:PO-1",
    );
    expect(webVocabulary("urn:epcglobal:cbv:bizstep:shipping")).toBe(
      "https://ref.gs1.org/cbv/BizStep-shipping",
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(webVocabulary(text)).toBe(inTurn(text));
      }),
      { numRuns: 2000 },
    );
  });
});
