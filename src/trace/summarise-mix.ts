import type { OriginBucket } from "./origin-buckets.ts";

/** The four shares every report quotes, from one lot's mix. */
export interface MixShares {
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly expectedXinjiangShare: number;
  readonly worstCaseXinjiangShare: number;
}

/**
 * Sums a mix given as (bucket, share) pairs into the reported shares: Xinjiang, unknown, expected
 * (unknown × its bucket's prior) and worst case. For mixes computed outside `computeComposition`
 * (the SQL twin), so both engines report through the same arithmetic.
 */
export function summariseMix(
  buckets: readonly OriginBucket[],
  pairs: Iterable<readonly [bucket: number, share: number]>,
): MixShares {
  let xinjiang = 0;
  let unknown = 0;
  let expected = 0;
  for (const [b, share] of pairs) {
    const bucket = buckets[b];
    if (!bucket) throw new RangeError(`bucket ${b} is not in the bucket table`);
    if (bucket.xinjiang) xinjiang += share;
    if (!bucket.known) {
      unknown += share;
      expected += share * (bucket.prior ?? 0);
    }
  }
  return {
    xinjiangShare: xinjiang,
    unknownShare: unknown,
    expectedXinjiangShare: xinjiang + expected,
    worstCaseXinjiangShare: xinjiang + unknown,
  };
}
