import { type ChainSpec, streamClusters } from "./cluster-stream.ts";
import { csvRow } from "./csv-text.ts";
import { epcisDocuments } from "./epcis-documents.ts";
import { facilitiesCsv } from "./facilities-csv.ts";
import { buildFacilityPool } from "./facility-pool.ts";
import type { GeneratedFile } from "./generated-file.ts";
import { groundTruthChunks } from "./ground-truth-json.ts";
import { MOVEMENTS_COLUMNS, movementRows } from "./movements-csv.ts";

export interface GenerateOptions {
  /** Approximate number of events (the chain has at least this many, at most one cluster more). */
  readonly events: number;
  readonly seed: number;
  /** Events per EPCIS document before the chain is split (default 250 000). */
  readonly maxDocumentEvents?: number;
}

export const SAMPLE_SIZES = { small: 1_500, medium: 100_000, large: 1_000_000 } as const;

/** Facilities per tier grow with the square root of the size, up to 20× the small chain's. */
export function facilityScale(events: number): number {
  return Math.min(20, Math.max(1, Math.round(Math.sqrt(events / SAMPLE_SIZES.small))));
}

function lazy(make: () => Iterator<string>): Iterable<string> {
  return { [Symbol.iterator]: make };
}

function* movementChunks(spec: ChainSpec): Generator<string> {
  yield csvRow(MOVEMENTS_COLUMNS);
  for (const { cluster } of streamClusters(spec)) {
    const rows = cluster.events.filter((event) => event.facility.channel === "csv").map(movementRows);
    if (rows.length > 0) yield rows.join("");
  }
}

/**
 * A seeded multi-tier cotton chain as files to write in order: EPCIS JSON-LD document(s),
 * facilities.csv, movements.csv (the suppliers without EPCIS; their events are in no JSON-LD
 * document) and ground-truth.json last. Nothing is generated until a file's chunks are iterated,
 * and memory stays at one cluster of events whatever the size.
 */
export function generateChain(options: GenerateOptions): { readonly files: readonly GeneratedFile[] } {
  if (!Number.isInteger(options.events) || options.events < 1)
    throw new RangeError(`events must be a positive integer, not ${options.events}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, not ${options.seed}`);
  const spec: ChainSpec = {
    seed: options.seed,
    events: options.events,
    pool: buildFacilityPool(options.seed, facilityScale(options.events)),
  };
  return {
    files: [
      ...epcisDocuments(spec, options.maxDocumentEvents),
      { name: "facilities.csv", chunks: lazy(() => facilitiesCsv(spec.pool.all)) },
      { name: "movements.csv", chunks: lazy(() => movementChunks(spec)) },
      { name: "ground-truth.json", chunks: lazy(() => groundTruthChunks(spec)) },
    ],
  };
}
