/**
 * Append-only typed-array columns. The graph is built from a stream of events whose size is not
 * known up front; doubling keeps appends amortised O(1) without holding one object per edge.
 */
type NumberArray = Int32Array | Float64Array | Uint8Array;

export interface Column<T extends NumberArray> {
  data: T;
  length: number;
  readonly make: (size: number) => T;
}

export function column<T extends NumberArray>(make: (size: number) => T, initial = 1024): Column<T> {
  return { data: make(initial), length: 0, make };
}

export function push<T extends NumberArray>(col: Column<T>, value: number): void {
  if (col.length === col.data.length) {
    const next = col.make(col.data.length * 2);
    next.set(col.data);
    col.data = next;
  }
  col.data[col.length++] = value;
}

/** A right-sized copy, so the doubling slack is released. */
export function trimmed<T extends NumberArray>(col: Column<T>): T {
  return col.data.slice(0, col.length) as T;
}

export const int32 = (size: number): Int32Array => new Int32Array(size);
export const float64 = (size: number): Float64Array => new Float64Array(size);
export const uint8 = (size: number): Uint8Array => new Uint8Array(size);

/** CSR offsets from per-row counts: `start[i]..start[i+1]` are row i's entries. */
export function offsetsFromCounts(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = (start[i] ?? 0) + (counts[i] ?? 0);
  return start;
}
