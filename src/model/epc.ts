/**
 * Canonical identifiers: every lot, location and instance is kept and printed as an EPC URN
 * (`urn:epc:class:lgtin:…`, `urn:epc:id:sgln:…`). GS1 Digital Link URIs are accepted on input.
 *
 * A Digital Link does not say where the GS1 company prefix ends, an EPC URN must. Callers that know
 * the prefix length pass it; otherwise DEFAULT_COMPANY_PREFIX_LENGTH (7, the most common length for
 * GS1 member organisations in Europe and China) is assumed. A wrong guess gives a different but
 * still valid URN of the same GS1 key, and the event hash (which uses the Digital Link form) is not
 * affected (docs/adr/0001-epcis-identifiers.md).
 */
export const DEFAULT_COMPANY_PREFIX_LENGTH = 7;

export interface CanonicalEpcOptions {
  /** Digits of the GS1 company prefix (6–12), used only for Digital Link input. */
  readonly companyPrefixLength?: number;
}

const EPC_URN = /^urn:epc:(id|class|idpat):[a-z0-9]+:\S+$/;
const DIGITAL_LINK =
  /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/(01|gtin|414|gln|417|party|00|sscc)\/(\d+)((?:\/[^/?#]+\/[^/?#]+)*)\/?(?:[?#].*)?$/;

function qualifiers(path: string): ReadonlyMap<string, string> {
  const parts = path.split("/").filter(Boolean);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const ai = parts[i] === "lot" ? "10" : parts[i] === "ser" ? "21" : (parts[i] ?? "");
    map.set(ai, parts[i + 1] ?? "");
  }
  return map;
}

function splitGtin(gtin14: string, cpLength: number): [string, string] {
  const companyPrefix = gtin14.slice(1, 1 + cpLength);
  const itemReference = gtin14.slice(0, 1) + gtin14.slice(1 + cpLength, 13);
  return [companyPrefix, itemReference];
}

function fromGtin(digits: string, q: ReadonlyMap<string, string>, cp: number): string | undefined {
  if (![8, 12, 13, 14].includes(digits.length)) return undefined;
  const [companyPrefix, itemReference] = splitGtin(digits.padStart(14, "0"), cp);
  const serial = q.get("21");
  if (serial !== undefined) return `urn:epc:id:sgtin:${companyPrefix}.${itemReference}.${serial}`;
  const lot = q.get("10");
  if (lot !== undefined) return `urn:epc:class:lgtin:${companyPrefix}.${itemReference}.${lot}`;
  return `urn:epc:idpat:sgtin:${companyPrefix}.${itemReference}.*`;
}

function fromGln(
  kind: "sgln" | "pgln",
  digits: string,
  q: ReadonlyMap<string, string>,
  cp: number,
): string | undefined {
  if (digits.length !== 13) return undefined;
  const companyPrefix = digits.slice(0, cp);
  const reference = digits.slice(cp, 12);
  if (kind === "pgln") return `urn:epc:id:pgln:${companyPrefix}.${reference}`;
  return `urn:epc:id:sgln:${companyPrefix}.${reference}.${q.get("254") ?? "0"}`;
}

function fromSscc(digits: string, cp: number): string | undefined {
  if (digits.length !== 18) return undefined;
  return `urn:epc:id:sscc:${digits.slice(1, 1 + cp)}.${digits.slice(0, 1)}${digits.slice(1 + cp, 17)}`;
}

function fromDigitalLink(uri: string, cp: number): string | undefined {
  const m = DIGITAL_LINK.exec(uri);
  if (!m) return undefined;
  const [, key = "", digits = "", rest = ""] = m;
  const q = qualifiers(rest);
  switch (key) {
    case "01":
    case "gtin":
      return fromGtin(digits, q, cp);
    case "414":
    case "gln":
      return fromGln("sgln", digits, q, cp);
    case "417":
    case "party":
      return fromGln("pgln", digits, q, cp);
    default:
      return fromSscc(digits, cp);
  }
}

/**
 * The canonical EPC URN of an EPC URN (id, class or idpat, returned trimmed) or of a GS1 Digital
 * Link URI (SGTIN, LGTIN, GTIN → idpat, SGLN, PGLN, SSCC); undefined for anything else.
 */
export function canonicalEpc(raw: string, options: CanonicalEpcOptions = {}): string | undefined {
  const s = raw.trim();
  if (EPC_URN.test(s)) return s;
  const cp = options.companyPrefixLength ?? DEFAULT_COMPANY_PREFIX_LENGTH;
  if (!Number.isInteger(cp) || cp < 6 || cp > 12)
    throw new RangeError(`GS1 company prefix length ${cp} is not 6–12`);
  return fromDigitalLink(s, cp);
}
