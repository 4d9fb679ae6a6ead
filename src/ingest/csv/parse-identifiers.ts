/**
 * Validating readers for registry identifiers found in templates and FtM entities. Each returns
 * the canonical form or undefined; callers turn undefined into an issue naming the column.
 */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** 18-character Unified Social Credit Code with a valid GB 32100-2015 check character. */
export function parseUscc(raw: string): string | undefined {
  const s = raw.trim().toUpperCase();
  if (!USCC_SHAPE.test(s)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS.charAt(check) === s.charAt(17) ? s : undefined;
}

/** 20-character Legal Entity Identifier with valid ISO 7064 MOD 97-10 check digits. */
export function parseLei(raw: string): string | undefined {
  const s = raw.trim().toUpperCase();
  if (!/^[0-9A-Z]{18}\d{2}$/.test(s)) return undefined;
  let remainder = 0;
  for (const ch of s) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? s : undefined;
}

/** 13-digit GLN (or PGLN) with a valid GS1 mod-10 check digit. */
export function parseGln(raw: string): string | undefined {
  const s = raw.trim();
  if (!/^\d{13}$/.test(s)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(s.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(s.charAt(12)) ? s : undefined;
}

/** Open Supply Hub id: country code, year, day of year, 5+ Crockford base-32 characters. */
export function parseOsId(raw: string): string | undefined {
  const s = raw.trim().toUpperCase();
  return /^[A-Z]{2}\d{7}[0-9A-Z]{6}$/.test(s) ? s : undefined;
}
