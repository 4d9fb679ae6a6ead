/**
 * The SQL twin of `computeComposition`: the store computes every lot's origin mix inside the
 * database, from its own `events` / `event_lots` tables, so the computation can run where the data
 * is (and, later, on a database larger than one machine's memory). Geography stays in TypeScript:
 * the caller resolves each location once and passes its buckets in as plain numbers.
 */

/** What the geography resolver made of one location, as bucket numbers of the caller's table. */
export interface PlaceBuckets {
  readonly location: string;
  /** The bucket of a lot created here (`CN/Xinjiang`, `US`…, or an unknown bucket). */
  readonly origin: number;
  /** The bucket of untraced mass last seen here (`unknown@CN/spinning`…; 0 is plain unknown). */
  readonly unknown: number;
}

/** One (lot, bucket, share) row of the result; rows of one lot arrive together. */
export interface LotMixRow {
  readonly lot: string;
  readonly bucket: number;
  readonly share: number;
}

export interface SqlCompositionRun {
  /** Lots in the graph (every lot a live event names). */
  readonly lots: number;
  /** Lot → lot edges derived from the events. */
  readonly edges: number;
  /** `INSERT … SELECT` rounds: topological levels, cycle cores included. */
  readonly levels: number;
  /** Lots on or between cycles, set to unknown as `computeComposition` does. */
  readonly cycleLots: readonly string[];
}

export interface CompositionSql {
  /** Computes every lot's mix in SQL and streams the rows to `onMix`, lot by lot. */
  composeLots(places: readonly PlaceBuckets[], onMix: (row: LotMixRow) => void): Promise<SqlCompositionRun>;
}
