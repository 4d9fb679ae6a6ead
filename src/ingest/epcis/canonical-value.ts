import { normaliseGs1Uri } from "./digital-link-normaliser.ts";

/**
 * Value canonicalisation of the GS1 event hash (CBV 2.0 §8.9.2), mirroring the reference
 * implementation: old CBV URNs become web vocabulary, numbers lose insignificant digits the way
 * Python's `float`/`str` print them, and GS1 keys become canonical Digital Links.
 */

const WEB_VOCABULARY: Readonly<Record<string, string>> = {
  bizstep: "https://ref.gs1.org/cbv/BizStep-",
  disp: "https://ref.gs1.org/cbv/Disp-",
  btt: "https://ref.gs1.org/cbv/BTT-",
  sdt: "https://ref.gs1.org/cbv/SDT-",
  er: "https://ref.gs1.org/cbv/ER-",
};
const CBV_URN = /urn:epcglobal:cbv:(bizstep|disp|btt|sdt|er):/g;
const toWeb = (_urn: string, vocabulary: string): string => WEB_VOCABULARY[vocabulary] ?? "";

export function webVocabulary(text: string): string {
  // Most values (EPC URNs, Digital Links, numbers) hold no CBV URN: one scan before any pattern.
  // Then one pass for the five vocabularies (a business transaction id, urn:epcglobal:cbv:bt:…,
  // is in every event and matches none); no replacement can form a new match, so this equals
  // replacing each vocabulary in turn.
  if (!text.includes("urn:epcglobal:cbv:")) return text;
  return text.replace(CBV_URN, toWeb);
}

/** Python's `float()` grammar (underscores between digits allowed), without inf/nan. */
const PY_FLOAT = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** Python's `repr(float)`: shortest digits, exponent form below 1e-4 or from 1e16, two-digit exponents. */
export function pythonFloatRepr(x: number): string {
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa = "", exponent = ""] = x.toExponential().split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa}e${sign}${digits}`;
  }
  const s = String(x);
  return s.includes(".") ? s : `${s}.0`;
}

/** The text of a JSON number in the hash tree: integers as is, other numbers as Python's `repr`. */
export function jsonNumberText(value: number): string {
  return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
}

/**
 * `canonicalValue(jsonNumberText(value))` without the memo: a JSON number's text is already
 * canonical (an integer prints its digits, any other number Python's repr, which reads back as
 * itself), except integers beyond 2^53, which Python prints with all their digits.
 */
export function canonicalJsonNumber(value: number): string {
  if (Number.isInteger(value) ? Number.isSafeInteger(value) : Number.isFinite(value))
    return jsonNumberText(value);
  return canonicalValue(jsonNumberText(value));
}

/** `_try_format_numeric`: "025.50" → "25.5", "1e3" → "1000"; anything not a number is left alone. */
export function canonicalNumber(text: string): string {
  const trimmed = text.trim();
  // PY_FLOAT needs a sign, digit or dot first: identifiers are turned away without the pattern.
  const first = trimmed.charCodeAt(0);
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (!numeric || !PY_FLOAT.test(trimmed)) return text;
  const value = Number(trimmed.replaceAll("_", ""));
  if (!Number.isFinite(value)) return text;
  return Number.isInteger(value) ? BigInt(value).toString() : pythonFloatRepr(value);
}

/**
 * Values repeat a lot across events (locations, parties, vocabulary): a small memo spares the
 * regular expressions. Cleared when full, so memory stays bounded.
 */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

/** `_canonize_value`: vocabulary, then number, then GS1 key. */
export function canonicalValue(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const value = canonicalNumber(webVocabulary(text));
  const out = normaliseGs1Uri(value) ?? value;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, out);
  return out;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO 8601 date-time, or undefined when it is not one. */
export function parseInstant(text: string): number | undefined {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone = "Z"] = m;
  const fields = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const [year, month, day, hour, minute] = fields;
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  // Python rounds the microseconds to milliseconds half-to-even (round(µs, -3)).
  const micros = Number(frac.padEnd(6, "0").slice(0, 6));
  const millis = roundHalfEven(micros / 1000);
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(base);
  if (check.getUTCDate() !== day || check.getUTCFullYear() !== year) return undefined;
  return base + millis - zoneOffsetMinutes(zone) * 60_000;
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

/** `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`, checked by character (every event has two). */
function hasCanonicalInstantShape(text: string): boolean {
  if (text.length !== 24) return false;
  for (let i = 0; i < 24; i++) {
    const want = INSTANT_SHAPE.charCodeAt(i);
    const c = text.charCodeAt(i);
    if (want === 100 ? c < 48 || c > 57 : c !== want) return false;
  }
  return true;
}

/** `d` stands for a digit, anything else for itself. */
const INSTANT_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * True when `text` is already the canonical form of a valid instant, so that
 * `new Date(parseInstant(text)).toISOString() === text` without parsing: the shape above, a year
 * from 1000 (earlier years take the slow path), and a real date and time of day.
 */
export function isCanonicalInstant(text: string): boolean {
  if (!hasCanonicalInstantShape(text)) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (
    day <= days && digitsAt(text, 11, 2) <= 23 && digitsAt(text, 14, 2) <= 59 && digitsAt(text, 17, 2) <= 59
  );
}

/** `_fix_time_stamp_format`: UTC, millisecond precision, `Z`; text that is no timestamp stays as given. */
export function canonicalTimestamp(text: string): string {
  // Already in the canonical form: such text comes back unchanged either way (a valid instant
  // prints as itself, an invalid one such as month 13 or year 0042 is left as given): no parse.
  if (hasCanonicalInstantShape(text)) return text;
  const ms = parseInstant(text);
  return ms === undefined ? text : new Date(ms).toISOString();
}
