import { describe, expect, it } from "vitest";
import { eventText, leanEvent, parseEventJson, storedEventJson } from "../../src/app/event-json.ts";
import type { SupplyEvent } from "../../src/model/index.ts";
import { storedEvent } from "../../src/store/shared/stored-records.ts";
import { sampleEvent } from "../contract/sample-records.ts";

describe("event JSON", () => {
  it("rebuilds the event the worker sent and stores its lean text without the column fields", () => {
    const event: SupplyEvent = { ...sampleEvent(1), eventTime: "2024-03-01T02:00:00.000Z" };
    const received = parseEventJson(eventText(event));
    expect(received).toEqual(JSON.parse(JSON.stringify(event)));
    const lean = storedEventJson(received);
    expect(lean).toBe(JSON.stringify(leanEvent(event)));
    for (const field of ["id", "typeName", "epcisType", "kind", "retracted", "eventTime"]) {
      expect(JSON.parse(lean)).not.toHaveProperty(field);
    }
  });

  it("keeps an event time that is not the UTC instant the column stores", () => {
    const event: SupplyEvent = { ...sampleEvent(1), eventTime: "2024-01-01T08:00:00+08:00" };
    expect(JSON.parse(storedEventJson(parseEventJson(eventText(event))))).toHaveProperty(
      "eventTime",
      "2024-01-01T08:00:00+08:00",
    );
  });

  it("serialises an event built any other way, a changed copy included, lean", () => {
    const copy = { ...parseEventJson(eventText(sampleEvent(1))), retracted: true };
    expect(storedEventJson(copy)).toBe(JSON.stringify(leanEvent(copy)));
    expect(parseEventJson(JSON.stringify(copy))).toEqual(copy);
  });

  it("reads back the same event from its row's columns and lean record", () => {
    const e = { ...sampleEvent(1), eventTime: "2024-01-01T08:00:00+08:00" };
    const row = {
      id: e.id,
      declared_id: e.declaredId ?? null,
      epcis_type: e.epcisType,
      kind: e.kind,
      action: e.action ?? null,
      event_time: "2024-01-01T00:00:00.000Z",
      biz_step: e.bizStep ?? null,
      read_point: e.readPoint ?? null,
      biz_location: e.bizLocation ?? null,
      retracted: 0,
      record: storedEventJson(e),
    };
    expect(storedEvent(row)).toEqual(JSON.parse(JSON.stringify(e)));
  });
});
