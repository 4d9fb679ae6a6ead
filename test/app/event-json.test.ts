import { describe, expect, it } from "vitest";
import { eventJson, parseEventJson } from "../../src/app/event-json.ts";

const TEXT = JSON.stringify({
  id: "ni:///sha-256;ab",
  kind: "ship",
  eventTime: "2024-01-01T00:00:00.000Z",
  epcs: ["x"],
});

describe("event JSON", () => {
  it("gives back the very text an event was parsed from", () => {
    const event = parseEventJson(TEXT);
    expect(event.id).toBe("ni:///sha-256;ab");
    expect(eventJson(event)).toBe(TEXT);
  });

  it("serialises an event built any other way, a changed copy included", () => {
    const event = parseEventJson(TEXT);
    const copy = { ...event, retracted: true };
    expect(eventJson(copy)).toBe(JSON.stringify(copy));
    expect(eventJson(copy)).toContain('"retracted":true');
  });
});
