/** An instant and the time-zone offset it was given in (`+08:00`; `+00:00` when none was given). */
export interface EventTime {
  readonly time: string;
  readonly offset: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Excel's 1900 date system: serial 25569 is 1970-01-01; serials below 61 predate its leap-year bug.
const EXCEL_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Reads `2025-03-14`, `2025-03-14T08:30:00+08:00`, `2025-03-14 08:30`, `2025/3/14` (Chinese Excel)
 * or an Excel serial number (`45730.35`). Times without a zone are taken as UTC: the templates say so.
 * Day-first forms (`14/03/2025`) are refused because `03/04/2025` cannot be told apart.
 */
export function parseEventTime(raw: string): EventTime | undefined {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  const iso = ISO.exec(s) ?? SLASHED.exec(s);
  if (!iso) return undefined;
  const [, y, mo, d, h = "00", mi = "00", sec = "00", frac = "", zone] = iso;
  const offset = zoneOffset(zone);
  const text = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:${sec}${frac}${offset === "+00:00" ? "Z" : offset}`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !sameCalendarDay(ms, offset, `${y}-${pad(mo)}-${pad(d)}`)) return undefined;
  return { time: text, offset };
}

/** Excel date serial (1900 system) to an instant; Excel stores local wall-clock time, read as UTC. */
export function fromExcelSerial(serial: number): EventTime | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const ms = Math.round((serial - EXCEL_EPOCH_SERIAL) * MS_PER_DAY);
  return { time: formatUtcInstant(ms), offset: "+00:00" };
}

/** ISO 8601 in UTC as the templates write it (`2025-03-14T08:30:00Z`: milliseconds only when set). */
export function formatUtcInstant(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function zoneOffset(zone: string | undefined): string {
  if (!zone || zone.toUpperCase() === "Z") return "+00:00";
  const digits = zone.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function pad(s: string | undefined): string {
  return (s ?? "").padStart(2, "0");
}

/** Date.parse rolls 2025-02-30 over to March; a date that rolled over was not a date. */
function sameCalendarDay(ms: number, offset: string, ymd: string): boolean {
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 10) === ymd;
}
