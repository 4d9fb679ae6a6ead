const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "June 21, 2022", "Jun. 21, 2022", "06/21/2022", "2022-06-21" → "2022-06-21". */
export function parseDhsDate(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (us) return iso(Number(us[3]), Number(us[1]), Number(us[2]));
  const long = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (!long) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith((long[1] ?? "").slice(0, 3)));
  return month < 0 ? undefined : iso(Number(long[3]), month + 1, Number(long[2]));
}
