import { locateXinjiang } from "../screen/index.ts";
import { createScreener, type ListMatch, screenNames, screenParties } from "./screener.ts";
import type { Store } from "./store.ts";

/** `threadproof screen --json`: one record per screened party or location. */
export interface ScreeningRecord {
  readonly subject: { readonly kind: "party" | "location"; readonly id: string; readonly name: string };
  readonly results: readonly ListMatch[];
  readonly geography?: {
    readonly xinjiang: boolean;
    readonly division: { code: string; name: string } | null;
    readonly evidence: readonly string[];
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Screens every party (names, XPCC markers, owners) and every location (name, operator, address). */
export async function screenStore(store: Store): Promise<ScreeningRecord[]> {
  const screener = createScreener();
  const parties = await collect(store.parties());
  const partyHits = screenParties(screener, parties, await collect(store.links()));
  const records: ScreeningRecord[] = parties.map((p) => ({
    subject: { kind: "party", id: p.id, name: p.name },
    results: partyHits.get(p.id) ?? [],
  }));
  for await (const l of store.locations()) {
    const name = l.name ?? l.id;
    const context = l.address.country ? { country: l.address.country } : {};
    const own = l.name ? screenNames(screener, [l.name], context) : [];
    const operated = l.operator ? (partyHits.get(l.operator) ?? []) : [];
    const address = [...l.address.lines, l.address.city, l.address.state, l.address.postalCode]
      .filter(Boolean)
      .join(", ");
    const geo = locateXinjiang(address, l.address.country);
    records.push({
      subject: { kind: "location", id: l.id, name },
      results: [...own, ...operated],
      geography: {
        xinjiang: geo.xinjiang,
        division: geo.division ? { code: geo.division.code, name: geo.division.name } : null,
        evidence: geo.evidence,
      },
    });
  }
  return records;
}
