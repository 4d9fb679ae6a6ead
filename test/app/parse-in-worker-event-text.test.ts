import { describe, expect, it } from "vitest";
import { eventText, leanEvent, parseEventJson, storedEventJson } from "../../src/app/event-json.ts";
import type { SupplyEvent } from "../../src/model/index.ts";
import { sampleEvent } from "../contract/sample-records.ts";

/** The parse worker's text of an event, as the writer thread receives it. */
function received(event: SupplyEvent): SupplyEvent {
  return parseEventJson(eventText(event));
}

const COLUMNS = [
  "typeName",
  "id",
  "declaredId",
  "epcisType",
  "kind",
  "action",
  "eventTime",
  "bizStep",
  "readPoint",
  "bizLocation",
];

function withoutOptionalColumns(): SupplyEvent {
  const { declaredId: _d, action: _a, bizStep: _b, readPoint: _r, bizLocation: _l, ...rest } = sampleEvent(2);
  return { ...rest, eventTime: "2024-03-01T02:00:00.000Z" };
}

const CASES: Record<string, SupplyEvent> = {
  "every column, a sender's time zone": sampleEvent(1),
  "a canonical UTC time": { ...sampleEvent(1), eventTime: "2024-03-01T02:00:00.000Z" },
  retracted: { ...sampleEvent(3), retracted: true, eventTime: "2024-03-01T02:00:00.000Z" },
  "no optional column": withoutOptionalColumns(),
  // Text that looks like the framing: the lean record is cut out by position, never searched for.
  "values that look like the framing": {
    ...sampleEvent(4),
    declaredId: '12:{"id":"x"},"retracted":true}',
    ilmd: { "ex:note": ',"retracted":false}\n1:{', "ex:ünï": "维吾尔" },
  },
};

describe("eventText → parseEventJson (the parse worker's hand-over)", () => {
  for (const [name, event] of Object.entries(CASES)) {
    it(`gives the same event and stores the same lean record: ${name}`, () => {
      const got = received(event);
      expect(got).toEqual(JSON.parse(JSON.stringify(event)));
      // Columns first, then the rest in the event's order, retracted last.
      const present = COLUMNS.filter((k) => (event as unknown as Record<string, unknown>)[k] !== undefined);
      const rest = Object.keys(event).filter((k) => !COLUMNS.includes(k) && k !== "retracted");
      expect(Object.keys(got)).toEqual([...present, ...rest, "retracted"]);
      expect(storedEventJson(got)).toBe(JSON.stringify(leanEvent(event)));
    });
  }

  it("serialises a changed copy of a received event afresh", () => {
    const copy = { ...received(sampleEvent(5)), retracted: true };
    expect(storedEventJson(copy)).toBe(JSON.stringify(leanEvent(copy)));
  });

  it("still reads plain JSON text", () => {
    const event = sampleEvent(6);
    expect(parseEventJson(JSON.stringify(event))).toEqual(JSON.parse(JSON.stringify(event)));
  });
});
