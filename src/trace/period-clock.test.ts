import { describe, expect, it } from "vitest";
import { createPeriodClock, periodIndex } from "./period-clock.ts";

function labels(period: "month" | "quarter" | "year", times: readonly number[]): string[] {
  const clock = createPeriodClock(period);
  return times.map((t) => clock.labels[periodIndex(clock, t)]!);
}

describe("periodIndex", () => {
  const times = [
    Date.parse("2024-03-31T23:59:59.999Z"),
    Date.parse("2024-04-01T00:00:00.000Z"),
    Date.parse("2024-03-01T00:00:00.000Z"),
    Date.parse("2023-12-31T12:00:00.000Z"),
    Number.NaN,
    Date.parse("2024-04-15T00:00:00.000Z"),
  ];

  it("labels UTC months, quarters and years, in or out of time order", () => {
    expect(labels("month", times)).toEqual([
      "2024-03",
      "2024-04",
      "2024-03",
      "2023-12",
      "undated",
      "2024-04",
    ]);
    expect(labels("quarter", times)).toEqual([
      "2024-Q1",
      "2024-Q2",
      "2024-Q1",
      "2023-Q4",
      "undated",
      "2024-Q2",
    ]);
    expect(labels("year", times)).toEqual(["2024", "2024", "2024", "2023", "undated", "2024"]);
  });

  it("gives one index per label", () => {
    const clock = createPeriodClock("month");
    const [a, b, c] = times.slice(0, 3).map((t) => periodIndex(clock, t));
    expect(a).toBe(c);
    expect(b).not.toBe(a);
  });

  it("keeps years below 100 apart from the 1900s", () => {
    const year50 = new Date(0).setUTCFullYear(50, 0, 15);
    expect(labels("month", [year50, Date.parse("1950-01-15T00:00:00Z")])).toEqual(["50-01", "1950-01"]);
  });
});
