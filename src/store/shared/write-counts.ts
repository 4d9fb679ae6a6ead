import type { WriteCounts } from "../../app/index.ts";

type MutableCounts = { -readonly [K in keyof WriteCounts]: number };

export function zeroCounts(): MutableCounts {
  return { parties: 0, locations: 0, lots: 0, events: 0, links: 0, documents: 0, retracted: 0 };
}

export function addCounts(total: MutableCounts, more: WriteCounts): void {
  for (const key of Object.keys(total) as (keyof WriteCounts)[]) total[key] += more[key];
}
