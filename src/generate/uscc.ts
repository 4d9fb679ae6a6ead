/**
 * Unified Social Credit Codes (GB 32100-2015) with valid check characters: characters 3–8 carry
 * the registering authority's admin code, which is how screening recognises a Xinjiang or XPCC
 * registration. The organisation-code part (characters 9–17) carries its own GB 11714 check.
 */
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return "X";
  return check === 11 ? "0" : String(check);
}

export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] ?? "") * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? "0";
}

/** `adminCode`: 6-digit GB/T 2260 code; `orgDigits`: 8 digits. "91" = enterprise registered by SAMR. */
export function makeUscc(adminCode: string, orgDigits: string): string {
  const first17 = `91${adminCode}${orgDigits}${orgCodeCheck(orgDigits)}`;
  return first17 + usccCheck(first17);
}

/** ISO 17442 LEI: 18 characters and two ISO 7064 mod 97-10 check digits. */
export function makeLei(body18: string): string {
  const numeric = `${body18}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(numeric) % 97n);
  return body18 + String(check).padStart(2, "0");
}
