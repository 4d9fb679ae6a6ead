/**
 * A small seeded PRNG (mulberry32) so that the same seed and size give the same bytes on every
 * platform: `Math.random` cannot be seeded, and a dependency would be overkill for 10 lines.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  return {
    next: () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * Mixes a seed with salts into an independent stream seed, so that each cluster (and each concern
 * inside it) draws from its own stream and can be rebuilt alone, in any order.
 */
export function deriveSeed(seed: number, ...salts: readonly number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const salt of salts) {
    h = Math.imul(h ^ (salt >>> 0), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

export function uniform(prng: Prng, min: number, max: number): number {
  return min + (max - min) * prng.next();
}

/** Integer in [min, max], both inclusive. */
export function intBetween(prng: Prng, min: number, max: number): number {
  return min + Math.floor(prng.next() * (max - min + 1));
}

export function pick<T>(prng: Prng, items: readonly T[]): T {
  const item = items[Math.floor(prng.next() * items.length)];
  if (item === undefined) throw new RangeError("pick: empty list");
  return item;
}

export function chance(prng: Prng, probability: number): boolean {
  return prng.next() < probability;
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(prng: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Digits as a zero-padded string: identifiers need fixed widths. */
export function digits(prng: Prng, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(Math.floor(prng.next() * 10));
  return out;
}

function word(prng: Prng): string {
  return Math.floor(prng.next() * 4294967296)
    .toString(16)
    .padStart(8, "0");
}

/** A version-4-shaped UUID from four draws of the stream, for deterministic `urn:uuid:` event ids. */
export function uuid(prng: Prng): string {
  const a = word(prng);
  const b = word(prng);
  const c = word(prng);
  const d = word(prng);
  const variant = "89ab"[Number.parseInt(c[0] ?? "0", 16) & 3];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}
