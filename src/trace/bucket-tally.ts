/**
 * Kilograms per origin bucket, dense (buckets are few) with the order in which buckets were first
 * touched, so reports list them as a `Map` would have — without a hash lookup per pool entry.
 */
export interface BucketTally {
  readonly kg: Float64Array;
  readonly touched: Uint8Array;
  readonly order: number[];
}

export function createTally(buckets: number): BucketTally {
  return { kg: new Float64Array(buckets), touched: new Uint8Array(buckets), order: [] };
}

export function addToTally(tally: BucketTally, bucket: number, kg: number): void {
  if (tally.touched[bucket] === 0) {
    tally.touched[bucket] = 1;
    tally.order.push(bucket);
  }
  tally.kg[bucket]! += kg;
}

/** (bucket, kg) in first-touched order. */
export function* tallyEntries(tally: BucketTally): Generator<[number, number]> {
  for (const b of tally.order) yield [b, tally.kg[b]!];
}
