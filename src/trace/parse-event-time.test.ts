import { describe, expect, it } from "vitest";
import { createPrng } from "../generate/index.ts";
import { parseEventTime } from "./parse-event-time.ts";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

describe("parseEventTime", () => {
  it("equals Date.parse on the fast-path forms, random dates and offsets", () => {
    const r = createPrng(7).next;
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    for (let i = 0; i < 5_000; i++) {
      const date = `${pad(int(1000, 2999), 4)}-${pad(int(0, 13), 2)}-${pad(int(0, 32), 2)}`;
      const time = `${pad(int(0, 24), 2)}:${pad(int(0, 60), 2)}:${pad(int(0, 60), 2)}`;
      const ms = r() < 0.5 ? `.${pad(int(0, 999), 3)}` : "";
      const zone = r() < 0.4 ? "Z" : `${r() < 0.5 ? "+" : "-"}${pad(int(0, 24), 2)}:${pad(int(0, 60), 2)}`;
      const text = `${date}T${time}${ms}${zone}`;
      expect(Object.is(parseEventTime(text), Date.parse(text)), text).toBe(true);
    }
  });

  it("hands every other form to Date.parse", () => {
    for (const text of [
      "2023-01-01",
      "2023-01-01T00:00:00",
      "2023-01-01T00:00:00.1Z",
      "2023-01-01T00:00:00.123456Z",
      "2023-01-01T24:00:00Z",
      "2023-02-29T00:00:00Z",
      "0099-01-01T00:00:00Z",
      "2023-01-01T00:00:00+0800",
      "2023-01-01 00:00:00Z",
      "2023-0a-01T00:00:00Z",
      "not a time at all!!!",
      "",
    ])
      expect(Object.is(parseEventTime(text), Date.parse(text)), text).toBe(true);
    expect(parseEventTime("2023-06-15T10:20:30.456+08:00")).toBe(Date.UTC(2023, 5, 15, 2, 20, 30, 456));
  });
});
