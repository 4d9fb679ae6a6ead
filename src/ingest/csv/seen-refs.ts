/**
 * A compact set of the `event_ref`s a movements file has finished, each with the row number it
 * ended on, so that a ref coming back later (rows not adjacent) is reported with where it ended.
 *
 * It keeps a 64-bit fingerprint of each ref (two 32-bit hashes) and a row number in typed arrays,
 * 12 bytes a slot, instead of the refs themselves: a 2 M-row file needs ≈ 48 MB rather than the
 * several hundred a `Map` of strings took. Two different refs share a fingerprint with probability
 * about n² / 2⁶⁵ for n refs (≈ 10⁻⁷ at 2 M), the price of not holding every ref in memory.
 */
export class SeenRefs {
  private h1: Uint32Array;
  private h2: Uint32Array;
  /** Row number + 1 (0: empty slot). */
  private rows: Uint32Array;
  private count = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.rows = new Uint32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The row the ref ended on, or undefined when it was never added. */
  get(ref: string): number | undefined {
    const [a, b] = fingerprint(ref);
    const mask = this.rows.length - 1;
    for (let i = a & mask; this.rows[i] !== 0; i = (i + 1) & mask) {
      if (this.h1[i] === a && this.h2[i] === b) return (this.rows[i] ?? 1) - 1;
    }
    return undefined;
  }

  /** Adds the ref, or moves it to a later row. */
  set(ref: string, row: number): void {
    if ((this.count + 1) * 4 > this.rows.length * 3) this.grow();
    const [a, b] = fingerprint(ref);
    this.place(a, b, row + 1);
  }

  private place(a: number, b: number, stored: number): void {
    const mask = this.rows.length - 1;
    let i = a & mask;
    while (this.rows[i] !== 0) {
      if (this.h1[i] === a && this.h2[i] === b) {
        this.rows[i] = stored;
        return;
      }
      i = (i + 1) & mask;
    }
    this.h1[i] = a;
    this.h2[i] = b;
    this.rows[i] = stored;
    this.count += 1;
  }

  private grow(): void {
    const { h1, h2, rows } = this;
    this.h1 = new Uint32Array(rows.length * 2);
    this.h2 = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    this.count = 0;
    for (let i = 0; i < rows.length; i++) {
      const stored = rows[i] ?? 0;
      if (stored !== 0) this.place(h1[i] ?? 0, h2[i] ?? 0, stored);
    }
  }
}

/** FNV-1a and a Murmur-style multiply-rotate over the UTF-16 units, each finished by fmix32. */
function fingerprint(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ Math.imul(c, 0xcc9e2d51), 0x1b873593);
    b = (b << 13) | (b >>> 19);
  }
  return [fmix(a), fmix(b)];
}

function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
