const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number as the templates allow it: `1234.5` or `1,234.5` (comma as thousands separator only in
 * groups of three, so `1,5` — a European decimal comma — is refused rather than read as 15).
 */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/[\s\u00a0]/g, "");
  if (PLAIN.test(s)) return Number(s);
  if (THOUSANDS.test(s)) return Number(s.replace(/,/g, ""));
  return undefined;
}

/** An ownership share: `0.6`, `60%` or `60` (read as percent when above 1); 0–1 out. */
export function parseShare(raw: string): number | undefined {
  const s = raw.trim();
  const percent = s.endsWith("%");
  const n = parseNumber(percent ? s.slice(0, -1) : s);
  if (n === undefined) return undefined;
  const share = percent || n > 1 ? n / 100 : n;
  return share >= 0 && share <= 1 ? share : undefined;
}

/** Splits a `;`-separated list cell, dropping empty items. */
export function splitList(raw: string): string[] {
  return raw
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
