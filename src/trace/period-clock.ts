export type Period = "month" | "quarter" | "year";

/**
 * Labels event times by calendar period ("2024-03", "2024-Q1", "2024") in UTC. Events come mostly
 * in time order, so the last period's bounds are kept and a label costs two comparisons; a `Date`
 * is built only when a time leaves them. Each label has a dense index for numeric group keys.
 */
export interface PeriodClock {
  readonly labels: string[];
  start: number;
  end: number;
  current: number;
  readonly index: Map<string, number>;
  readonly period: Period;
}

export function createPeriodClock(period: Period): PeriodClock {
  return { labels: [], start: 0, end: 0, current: -1, index: new Map(), period };
}

/** The index of the period holding `time` (NaN: "undated"). */
export function periodIndex(clock: PeriodClock, time: number): number {
  if (time >= clock.start && time < clock.end) return clock.current;
  if (Number.isNaN(time)) return labelIndex(clock, "undated");
  const d = new Date(time);
  const year = d.getUTCFullYear();
  const months = clock.period === "year" ? 12 : clock.period === "quarter" ? 3 : 1;
  const first = clock.period === "month" ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / months) * months;
  clock.start = utcMonthStart(year, first);
  clock.end = utcMonthStart(year, first + months);
  clock.current = labelIndex(clock, periodLabel(clock.period, year, first));
  return clock.current;
}

/** `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` does not. Month may overflow into the next year. */
function utcMonthStart(year: number, month: number): number {
  return new Date(0).setUTCFullYear(year, month, 1);
}

function periodLabel(period: Period, year: number, firstMonth: number): string {
  if (period === "year") return `${year}`;
  if (period === "quarter") return `${year}-Q${firstMonth / 3 + 1}`;
  return `${year}-${String(firstMonth + 1).padStart(2, "0")}`;
}

function labelIndex(clock: PeriodClock, label: string): number {
  let i = clock.index.get(label);
  if (i === undefined) {
    i = clock.labels.length;
    clock.labels.push(label);
    clock.index.set(label, i);
  }
  return i;
}
