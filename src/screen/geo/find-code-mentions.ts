import { gazetteer } from "./gazetteer.ts";
import type { Mention } from "./mention.ts";
import type { NormalisedAddress } from "./normalise-address.ts";
import { divisionOfPostalCode } from "./postal-codes.ts";

const POSTAL_LABEL =
  /(?:\bp\.?\s?c\.?|post(?:al)?\s*code|postcode|zip(?:\s*code)?|邮编|邮政编码)[\s:：.#-]*$/u;
const ADMIN_LABEL =
  /(?:区划代码|行政区划|admin(?:istrative)?\s*(?:division\s*)?code|division\s*code|adcode|gb\/?t\s*2260)[\s:：.#-]*$/u;
const USCC_CHARS = "0123456789abcdefghjklmnpqrtuwxy";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character (position 18). */
function isValidUscc(s: string): boolean {
  if (!/^[0-9a-hj-npqrtuwxy]{2}\d{6}[0-9a-hj-npqrtuwxy]{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i] ?? "") * (USCC_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === s[17];
}

/** The closest division the table knows for a six-digit code (county, else prefecture, else province). */
export function knownDivision(code: string): string | undefined {
  const byCode = gazetteer().byCode;
  const tries = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return tries.find((c) => byCode.has(c));
}

function divisionMention(
  kind: "uscc" | "admin-code",
  surface: string,
  start: number,
  code: string,
): Mention[] {
  const div = knownDivision(code);
  return div ? [{ kind, surface, start, candidates: [div], strength: "strong" }] : [];
}

function postalMention(text: string, start: number, before: string, labelled: boolean): Mention[] {
  const div = divisionOfPostalCode(text);
  if (!div) return [];
  const strength = labelled || POSTAL_LABEL.test(before) ? "strong" : "context";
  return [
    {
      kind: "postal-code",
      surface: text,
      start,
      candidates: [div],
      strength,
      provinceOnly: !div.startsWith("65"),
    },
  ];
}

function codeMention(text: string, start: number, before: string, labelledPostal: boolean): Mention[] {
  if (text.length === 18 && isValidUscc(text)) return divisionMention("uscc", text, start, text.slice(2, 8));
  if (/^\d{6}0{6}$/.test(text)) return divisionMention("admin-code", text, start, text.slice(0, 6));
  if (!/^\d{6}$/.test(text)) return [];
  if (ADMIN_LABEL.test(before)) return divisionMention("admin-code", text, start, text);
  return postalMention(text, start, before, labelledPostal);
}

/**
 * Postal codes, labelled admin codes, 12-digit NBS codes and USCCs. A bare six-digit number is
 * only a possible postal code (Indian PIN codes 83xxxx–84xxxx and Russian indexes look the same),
 * and 65xxxx without a label is Yunnan's postal range, not Xinjiang's admin code.
 */
export function findCodeMentions(address: NormalisedAddress, postalField?: string): Mention[] {
  const out: Mention[] = [];
  for (const t of address.tokens) {
    if (!/\d/.test(t.value)) continue;
    const before = address.text.slice(Math.max(0, t.start - 24), t.start);
    out.push(...codeMention(t.value, t.start, before, postalField === t.value));
  }
  return out;
}
