/**
 * Formats a share (0–1) as a percentage. There is no de minimis under the UFLPA, so a non-zero
 * share never rounds to "0 %": small values keep two significant digits.
 */
export function formatShare(share: number): string {
  if (share === 0) return "0 %";
  const percent = share * 100;
  if (percent >= 0.1) return `${trimZeros(percent.toFixed(1))} %`;
  return `${percent.toPrecision(2)} %`;
}

/** Kilograms with thousands separators, fixed to one decimal at most, locale-independent. */
export function formatKg(kg: number): string {
  const rounded = Math.round(kg * 10) / 10;
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(1).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = rounded < 0 ? "−" : "";
  return `${sign}${grouped}${fraction && fraction !== "0" ? `.${fraction}` : ""} kg`;
}

/** A count with thousands separators: 5,280. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatNumber(value: number, digits = 2): string {
  return trimZeros(value.toFixed(digits));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
