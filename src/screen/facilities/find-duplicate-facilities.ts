import { buildNameIndex, matchName } from "../names/index.ts";
import { type AddressAgreement, compareAddresses, numbersIn } from "./address-similarity.ts";

/** One facility as a list gives it. */
export interface FacilityRecord {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  /** ISO alpha-2 where known. */
  readonly country?: string;
}

/**
 * `duplicate`: the names match and the addresses name the same place.
 * `same-name`: the names match but the addresses differ (or give different house numbers, or one
 * is missing), or the names differ only in a unit number ("Unit 3" / "Unit 4"): often two sites
 * of one group, sometimes one site written two ways; an analyst decides.
 */
export type DuplicateVerdict = "duplicate" | "same-name";

export interface DuplicatePair {
  readonly a: FacilityRecord;
  readonly b: FacilityRecord;
  readonly verdict: DuplicateVerdict;
  readonly nameScore: number;
  readonly address: AddressAgreement;
  /** Sentences an analyst can paste: why the pair was flagged. */
  readonly explanations: readonly string[];
}

export interface DuplicateReport {
  readonly facilities: number;
  /** Distinct pairs the scorer looked at after candidate retrieval (the rest never came close). */
  readonly compared: number;
  readonly pairs: readonly DuplicatePair[];
}

export interface DuplicateOptions {
  /** Name score at or above which names match (the screening threshold by default). */
  readonly threshold?: number;
  /** Address similarity at or above which two sites are one (default 0.5). */
  readonly addressThreshold?: number;
  /** Candidates retrieved per facility (default 10). */
  readonly candidates?: number;
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

/** Digits in a name mark a unit or branch: "Unit 3" and "Unit 4" are two sites. */
function unitsDiffer(a: FacilityRecord, b: FacilityRecord): boolean {
  const na = numbersIn(a.name, /\d+/g);
  const nb = numbersIn(b.name, /\d+/g);
  return (na.size > 0 || nb.size > 0) && [...na].sort().join() !== [...nb].sort().join();
}

function verdictOf(
  address: AddressAgreement,
  minimum: number,
  a: FacilityRecord,
  b: FacilityRecord,
): DuplicateVerdict {
  if (!a.address.trim() || !b.address.trim() || address.numbersDisagree || unitsDiffer(a, b))
    return "same-name";
  return address.similarity >= minimum || address.postalCode !== undefined ? "duplicate" : "same-name";
}

function explain(pair: Omit<DuplicatePair, "explanations">): string[] {
  const { address } = pair;
  const sharedText = address.shared.slice(0, 6).join(", ");
  return [
    `Names match (${pair.nameScore.toFixed(2)}): "${pair.a.name}" / "${pair.b.name}"`,
    address.shared.length === 0
      ? "Addresses share no distinctive word"
      : `Addresses agree ${Math.round(address.similarity * 100)} % (shared: ${sharedText})`,
    ...(address.postalCode ? [`Same postal code ${address.postalCode}`] : []),
    ...(address.numbersDisagree ? ["House or plot numbers differ: two sites?"] : []),
    ...(unitsDiffer(pair.a, pair.b) ? ["Names differ in a unit or branch number"] : []),
  ];
}

function sameCountry(a: FacilityRecord, b: FacilityRecord): boolean {
  return !a.country || !b.country || a.country === b.country;
}

function pairOf(a: FacilityRecord, b: FacilityRecord, nameScore: number, options: DuplicateOptions) {
  const address = compareAddresses(a.address, b.address);
  const verdict = verdictOf(address, options.addressThreshold ?? 0.5, a, b);
  const pair = { a, b, verdict, nameScore, address };
  return { ...pair, explanations: explain(pair) };
}

function queryOf(f: FacilityRecord) {
  return { name: f.name, address: f.address, ...(f.country ? { country: f.country } : {}) };
}

function indexOf(facilities: readonly FacilityRecord[]) {
  return buildNameIndex(
    facilities.map((f, i) => ({
      id: String(i),
      names: [f.name],
      kind: "company" as const,
      ...(f.country ? { country: f.country } : {}),
    })),
  );
}

/**
 * Finds facilities listed more than once: each facility's name is matched against every other
 * through the screening matcher's index (so "Wenzhou Jietu Shoes" meets "温州杰图鞋业"), then the
 * addresses decide between one site and two. Each pair is compared once.
 */
export function findDuplicateFacilities(
  facilities: readonly FacilityRecord[],
  options: DuplicateOptions = {},
): DuplicateReport {
  const index = indexOf(facilities);
  const wanted = options.candidates ?? 10;
  const threshold = options.threshold === undefined ? {} : { threshold: options.threshold };
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  facilities.forEach((a, i) => {
    for (const m of matchName(index, queryOf(a), { candidates: wanted, limit: wanted, ...threshold })
      .results) {
      const j = Number(m.entityId);
      const b = facilities[j];
      if (j === i || !b || seen.has(pairKey(i, j))) continue;
      seen.add(pairKey(i, j));
      if (m.match && sameCountry(a, b))
        pairs.push(i < j ? pairOf(a, b, m.score, options) : pairOf(b, a, m.score, options));
    }
  });
  pairs.sort((x, y) => y.nameScore - x.nameScore || x.a.id.localeCompare(y.a.id));
  return { facilities: facilities.length, compared: seen.size, pairs };
}
