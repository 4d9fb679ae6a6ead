/**
 * Origin mixes, computed the way the tracer must: an origin lot is 100 % its region; a
 * transformation gives each output the input-mass-weighted mix of its inputs; a lot made by
 * several events is the output-mass-weighted average; untraced input is `unknown`.
 */
export const UNKNOWN = "unknown";

/** Shares by origin region (`CN-XJ`, `US`…) plus `unknown`; they sum to 1. */
export type Mix = Readonly<Record<string, number>>;

export function pureMix(origin: string): Mix {
  return { [origin]: 1 };
}

/** Weighted average of mixes; weights are masses. */
export function blendMixes(parts: readonly { readonly mix: Mix; readonly kg: number }[]): Mix {
  const total = parts.reduce((sum, part) => sum + part.kg, 0);
  if (total <= 0) throw new RangeError("blendMixes: no mass");
  const acc: Record<string, number> = {};
  for (const part of parts) {
    for (const [origin, share] of Object.entries(part.mix)) {
      acc[origin] = (acc[origin] ?? 0) + (share * part.kg) / total;
    }
  }
  return sortedMix(acc);
}

/** Keys in a fixed order so that JSON output is deterministic and easy to read. */
function sortedMix(mix: Record<string, number>): Mix {
  const out: Record<string, number> = {};
  for (const key of Object.keys(mix).sort()) {
    const share = mix[key] ?? 0;
    if (share > 0) out[key] = share;
  }
  return out;
}

export function shareOf(mix: Mix, origin: string): number {
  return mix[origin] ?? 0;
}

/** The country an origin region belongs to, for comparing claims (`CN-XJ` is in `CN`). */
export function countryOfOrigin(origin: string): string {
  return origin.slice(0, 2);
}

/** A claim is contradicted when traced (non-unknown) mass comes from another country. */
export function claimContradicted(claim: string, mix: Mix): boolean {
  return Object.keys(mix).some((origin) => origin !== UNKNOWN && countryOfOrigin(origin) !== claim);
}
