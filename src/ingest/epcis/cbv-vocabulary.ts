/**
 * CBV 2.0 standard vocabularies. We store CBV short names ("shipping"), accept the three spellings
 * GS1 allows (short name in JSON-LD, `urn:epcglobal:cbv:bizstep:shipping`, and
 * `https://ref.gs1.org/cbv/BizStep-shipping`), and keep any other absolute URI as given.
 */
export type CbvVocabulary = "bizstep" | "disp" | "btt" | "sdt" | "er";

const WORDS: Readonly<Record<CbvVocabulary, ReadonlySet<string>>> = {
  bizstep: new Set(
    "accepting arriving assembling collecting commissioning consigning creating_class_instance cycle_counting decommissioning departing destroying disassembling dispensing encoding entering_exiting holding inspecting installing killing loading other packing picking receiving removing repackaging repairing replacing reserving retail_selling sampling sensor_reporting shipping staging_outbound stock_taking stocking storing transporting unloading unpacking void_shipping".split(
      " ",
    ),
  ),
  disp: new Set(
    "active available completeness_inferred completeness_verified conformant container_closed container_open damaged destroyed dispensed disposed encoded expired in_progress in_transit inactive mismatch_instance mismatch_class mismatch_quantity needs_replacement no_pedigree_match non_conformant non_sellable_other partially_dispensed recalled reserved retail_sold returned sellable_accessible sellable_not_accessible stolen unavailable unknown".split(
      " ",
    ),
  ),
  btt: new Set("bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt".split(" ")),
  sdt: new Set(["owning_party", "possessing_party", "location"]),
  er: new Set(["did_not_occur", "incorrect_data"]),
};

const WEB: Readonly<Record<CbvVocabulary, string>> = {
  bizstep: "https://ref.gs1.org/cbv/BizStep-",
  disp: "https://ref.gs1.org/cbv/Disp-",
  btt: "https://ref.gs1.org/cbv/BTT-",
  sdt: "https://ref.gs1.org/cbv/SDT-",
  er: "https://ref.gs1.org/cbv/ER-",
};

const URN: Readonly<Record<CbvVocabulary, string>> = {
  bizstep: "urn:epcglobal:cbv:bizstep:",
  disp: "urn:epcglobal:cbv:disp:",
  btt: "urn:epcglobal:cbv:btt:",
  sdt: "urn:epcglobal:cbv:sdt:",
  er: "urn:epcglobal:cbv:er:",
};

/** An absolute URI has a scheme: `urn:…`, `https:…`, `http:…` (RFC 3986 §3.1). */
export function isAbsoluteUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);
}

export type VocabularyValue =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly value: string };

/**
 * The stored form of a vocabulary value: the CBV short name when it is standard, the absolute URI
 * otherwise. A bare word that is no CBV term is rejected (JSON-LD would turn it into a made-up CBV URI).
 */
export function normaliseVocabulary(vocabulary: CbvVocabulary, raw: string): VocabularyValue {
  const memo = MEMO[vocabulary];
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const result = normalise(vocabulary, raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, result);
  return result;
}

/**
 * The few values of each vocabulary repeat on every event: results are remembered per raw text
 * (the result objects are never mutated), cleared when full so odd custom URIs cannot grow it.
 */
const MEMO_LIMIT = 1000;
const MEMO: Readonly<Record<CbvVocabulary, Map<string, VocabularyValue>>> = {
  bizstep: new Map(),
  disp: new Map(),
  btt: new Map(),
  sdt: new Map(),
  er: new Map(),
};

function normalise(vocabulary: CbvVocabulary, raw: string): VocabularyValue {
  const value = raw.trim();
  for (const prefix of [URN[vocabulary], WEB[vocabulary], `cbv:${webSuffix(vocabulary)}`]) {
    if (value.startsWith(prefix)) {
      const word = value.slice(prefix.length);
      return WORDS[vocabulary].has(word) ? { ok: true, value: word } : { ok: true, value };
    }
  }
  if (WORDS[vocabulary].has(value)) return { ok: true, value };
  return isAbsoluteUri(value) ? { ok: true, value } : { ok: false, value };
}

function webSuffix(vocabulary: CbvVocabulary): string {
  return WEB[vocabulary].slice("https://ref.gs1.org/cbv/".length);
}

/** The web-vocabulary URI of a stored value (the event hash and JSON-LD expansion both use it). */
export function expandVocabulary(vocabulary: CbvVocabulary, value: string): string {
  return value.includes(":") ? value : WEB[vocabulary] + value;
}
