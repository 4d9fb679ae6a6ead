import { normaliseAddress } from "../geo/normalise-address.ts";

/**
 * Words every factory address carries; two addresses agreeing on "road" or "industrial zone"
 * says nothing about being the same place, so they don't count.
 */
const FILLER = new Set(
  (
    "no rd road st street ave avenue lane ln zone industrial industry park area district dist " +
    "city county town township village province prov of the and building bldg floor fl room " +
    "unit block blk china prc cn pr development economic dev technology hi tech new east west " +
    "south north middle mid km"
  ).split(" "),
);

const HAN_RUN = /\p{Script=Han}+/gu;
const POSTAL = /\b\d{6}\b/g;
/** House, plot and building numbers: short digit runs (longer ones are postal codes or phone numbers). */
const HOUSE_NUMBER = /(?<!\d)\d{1,4}(?!\d)/g;

export interface AddressAgreement {
  /** Dice coefficient over the distinctive tokens (Latin words, numbers, Han bigrams), 0–1. */
  readonly similarity: number;
  /** The distinctive tokens both addresses carry, for the explanation. */
  readonly shared: readonly string[];
  /** A six-digit postal code both carry, if any. */
  readonly postalCode?: string;
  /**
   * Both give house, plot or building numbers and none is shared ("No. 9 Xingye Road" against
   * "No. 6 Jinwan Road"): two sites in one district, however many other words agree.
   */
  readonly numbersDisagree: boolean;
}

function hanBigrams(text: string, out: Set<string>): void {
  for (const run of text.match(HAN_RUN) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  }
}

/** The distinctive tokens of one address, folded as the geography matcher folds them. */
export function addressTokens(raw: string): ReadonlySet<string> {
  const normalised = normaliseAddress(raw);
  const out = new Set<string>();
  for (const t of normalised.tokens) if (!FILLER.has(t.value) && t.value.length > 1) out.add(t.value);
  if (normalised.hasHan) hanBigrams(normalised.text, out);
  return out;
}

function postalCodes(raw: string): Set<string> {
  return new Set(raw.match(POSTAL) ?? []);
}

/** Digit runs without leading zeros, so "Ring Road 01" and "Ring Road 1" agree. */
export function numbersIn(raw: string, pattern: RegExp = HOUSE_NUMBER): Set<string> {
  return new Set((raw.normalize("NFKC").match(pattern) ?? []).map((n) => String(Number(n))));
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
}

/** How far two addresses name the same place. Empty addresses agree on nothing. */
export function compareAddresses(a: string, b: string): AddressAgreement {
  const ta = addressTokens(a);
  const tb = addressTokens(b);
  const shared = [...ta].filter((t) => tb.has(t));
  const similarity = ta.size + tb.size === 0 ? 0 : (2 * shared.length) / (ta.size + tb.size);
  const pb = postalCodes(b);
  const postalCode = [...postalCodes(a)].find((p) => pb.has(p));
  const numbersDisagree = disjoint(numbersIn(a), numbersIn(b));
  return { similarity, shared, numbersDisagree, ...(postalCode ? { postalCode } : {}) };
}
