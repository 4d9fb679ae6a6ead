/** Shares as the CLI prints them: 0 → "0 %", tiny non-zero shares never round to zero. */
export function formatShare(share: number | undefined): string {
  if (share === undefined || Number.isNaN(share)) return "–";
  if (share === 0) return "0 %";
  const percent = share * 100;
  if (percent < 0.1) return "< 0.1 %";
  return `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)} %`;
}

export function formatKg(kg: number): string {
  if (kg >= 1000) return `${(kg / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} t`;
  return `${kg.toLocaleString("en", { maximumFractionDigits: 0 })} kg`;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace("T", " ");
}

const HAN = /[\u3400-\u9fff]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
