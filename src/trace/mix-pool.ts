import type { Column } from "./column.ts";
import { column, float64, int32, push } from "./column.ts";

/**
 * Sparse origin mixes in one pool of (bucket, share) pairs. The pool starts with one singleton
 * mix per bucket (bucket b at offset b), so origins and untraced lots cost nothing.
 */
export interface MixPool {
  readonly bucket: Column<Int32Array>;
  readonly share: Column<Float64Array>;
  readonly lotOffset: Int32Array;
  readonly lotLength: Int32Array;
  readonly eventOffset: Int32Array;
  readonly eventLength: Int32Array;
  /** Scratch for merging: dense accumulator, generation stamps and the buckets touched. */
  readonly dense: Float64Array;
  readonly stamp: Int32Array;
  readonly touched: Int32Array;
  generation: number;
  lastOffset: number;
  lastLength: number;
}

export function createMixPool(bucketCount: number, lots: number, events: number): MixPool {
  const pool: MixPool = {
    bucket: column(int32, Math.max(1024, lots + events)),
    share: column(float64, Math.max(1024, lots + events)),
    lotOffset: new Int32Array(lots),
    lotLength: new Int32Array(lots),
    eventOffset: new Int32Array(events),
    eventLength: new Int32Array(events),
    dense: new Float64Array(bucketCount),
    stamp: new Int32Array(bucketCount),
    touched: new Int32Array(bucketCount),
    generation: 0,
    lastOffset: 0,
    lastLength: 1,
  };
  for (let b = 0; b < bucketCount; b++) {
    push(pool.bucket, b);
    push(pool.share, 1);
  }
  return pool;
}

/** Offset of the mix that is all bucket `b`. */
export function singletonOffsets(b: number): number {
  return b;
}

/**
 * Weighted average of the source mixes `node[from..to]` with `weight[from..to]`; the result is
 * left in `lastOffset`/`lastLength`. NaN weights (unconvertible quantities) are left out; with
 * nothing left the result is plain unknown. One source: its mix is shared, not copied.
 */
export function mixSources(
  pool: MixPool,
  srcOffset: Int32Array,
  srcLength: Int32Array,
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
    pool.lastOffset = srcOffset[single]!;
    pool.lastLength = srcLength[single]!;
    return;
  }
  if (count === 0 || !(total > 0)) {
    pool.lastOffset = 0;
    pool.lastLength = 1;
    return;
  }
  accumulate(pool, srcOffset, srcLength, node, weight, from, to, 1 / total);
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
  srcOffset: Int32Array,
  srcLength: Int32Array,
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
    const start = srcOffset[src]!;
    const end = start + srcLength[src]!;
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
  pool.lastOffset = pool.bucket.length;
  pool.lastLength = touched;
  for (let i = 0; i < touched; i++) {
    const b = pool.touched[i]!;
    push(pool.bucket, b);
    push(pool.share, pool.dense[b]!);
  }
}
