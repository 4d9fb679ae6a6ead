/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters — registration
 * authority, entity type, the registering authority's admin division code (characters 3–8),
 * the organisation code (9–17) and a check character.
 */
declare const brand: unique symbol;
export type Uscc = string & { readonly [brand]: "Uscc" };

export type UsccResult =
  | { readonly ok: true; readonly value: Uscc }
  | { readonly ok: false; readonly code: "uscc.shape" | "uscc.check"; readonly message: string };

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters (weights 3^i mod 31). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a USCC; spaces and hyphens are ignored, letters upper-cased. Bad input is data. */
export function parseUscc(raw: string): UsccResult {
  const text = raw.replace(/[\s-]/g, "").toUpperCase();
  if (!SHAPE.test(text))
    return {
      ok: false,
      code: "uscc.shape",
      message: `"${raw}" is not 18 USCC characters (digits 3–8 a division code)`,
    };
  const expected = usccCheckCharacter(text.slice(0, 17));
  if (expected !== text.charAt(17))
    return {
      ok: false,
      code: "uscc.check",
      message: `"${raw}" fails the check character (expected ${expected})`,
    };
  return { ok: true, value: text as Uscc };
}

/** The registering authority's admin division code (characters 3–8). */
export function usccRegion(uscc: Uscc): string {
  return uscc.slice(2, 8);
}

/** Registered in Xinjiang: division code 65xxxx. */
export function isXinjiangUscc(uscc: Uscc): boolean {
  return usccRegion(uscc).startsWith("65");
}

/** Registered in an XPCC-administered city: division code 6590xx. */
export function isXpccUscc(uscc: Uscc): boolean {
  return usccRegion(uscc).startsWith("6590");
}
