import type { Column } from "./column.ts";
import { column, float64, int32, push } from "./column.ts";

/**
 * Sparse origin mixes in one pool of (bucket, share) pairs. The pool starts with one singleton
 * mix per bucket (bucket b at offset b), so origins and untraced lots cost nothing.
 */
export interface MixPool {
  readonly bucket: Column<Int32Array>;
  readonly share: Column<Float64Array>;
  /**
   * Per node (topological position `i`), side by side so one cache line serves a lookup: at
   * `2i` where its mix starts in the pool, at `2i + 1` its length in the low 24 bits and its
   * stage mask (see `Composition.stageMask`) in the high 8.
   */
  readonly node: Int32Array;
  /** Scratch for merging: dense accumulator, generation stamps and the buckets touched. */
  readonly dense: Float64Array;
  readonly stamp: Int32Array;
  readonly touched: Int32Array;
  generation: number;
}

export function createMixPool(bucketCount: number, nodes: number): MixPool {
  const pool: MixPool = {
    bucket: column(int32, Math.max(1024, nodes)),
    share: column(float64, Math.max(1024, nodes)),
    node: new Int32Array(2 * nodes),
    dense: new Float64Array(bucketCount),
    stamp: new Int32Array(bucketCount),
    touched: new Int32Array(bucketCount),
    generation: 0,
  };
  for (let b = 0; b < bucketCount; b++) {
    push(pool.bucket, b);
    push(pool.share, 1);
  }
  return pool;
}

/**
 * Node `at`'s mix: the weighted average of the mixes of nodes `node[from..to]` with
 * `weight[from..to]`. NaN weights (unconvertible quantities) are left out; with nothing left the
 * result is plain unknown. One source: its mix is shared, not copied.
 */
export function mixSources(
  pool: MixPool,
  at: number,
  node: Int32Array,
  weight: Float64Array,
  from: number,
  to: number,
): void {
  let total = 0;
  let count = 0;
  let single = -1;
  for (let k = from; k < to; k++) {
    const w = weight[k]!;
    if (!(w >= 0)) continue;
    total += w;
    count++;
    single = node[k]!;
  }
  if (count === 1 || (total > 0 && sameSource(node, weight, from, to))) {
    setMix(pool, at, pool.node[2 * single]!, pool.node[2 * single + 1]! & LENGTH_BITS);
    return;
  }
  if (count === 0 || !(total > 0)) {
    setMix(pool, at, 0, 1);
    return;
  }
  accumulate(pool, at, node, weight, from, to, 1 / total);
}

function sameSource(node: Int32Array, weight: Float64Array, from: number, to: number): boolean {
  let first = -1;
  for (let k = from; k < to; k++) {
    if (!(weight[k]! >= 0)) continue;
    if (first === -1) first = node[k]!;
    else if (node[k] !== first) return false;
  }
  return true;
}

function accumulate(
  pool: MixPool,
  at: number,
  node: Int32Array,
  weight: Float64Array,
  from: number,
  to: number,
  scale: number,
): void {
  const generation = ++pool.generation;
  let touched = 0;
  for (let k = from; k < to; k++) {
    const w = weight[k]!;
    if (!(w >= 0)) continue;
    const f = w * scale;
    const src = node[k]!;
    const start = pool.node[2 * src]!;
    const end = start + (pool.node[2 * src + 1]! & LENGTH_BITS);
    for (let p = start; p < end; p++) {
      const b = pool.bucket.data[p]!;
      if (pool.stamp[b] !== generation) {
        pool.stamp[b] = generation;
        pool.dense[b] = 0;
        pool.touched[touched++] = b;
      }
      pool.dense[b]! += f * pool.share.data[p]!;
    }
  }
  setMix(pool, at, pool.bucket.length, touched);
  for (let i = 0; i < touched; i++) {
    const b = pool.touched[i]!;
    push(pool.bucket, b);
    push(pool.share, pool.dense[b]!);
  }
}

export const LENGTH_BITS = 0xffffff;

/** Sets node `at`'s mix; its stage mask is set apart (`setMask`), after. */
export function setMix(pool: MixPool, at: number, offset: number, length: number): void {
  pool.node[2 * at] = offset;
  pool.node[2 * at + 1] = length;
}

export function setMask(pool: MixPool, at: number, mask: number): void {
  pool.node[2 * at + 1] = (pool.node[2 * at + 1]! & LENGTH_BITS) | (mask << 24);
}

export function maskOf(pool: MixPool, at: number): number {
  return pool.node[2 * at + 1]! >>> 24;
}
