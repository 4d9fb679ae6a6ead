import type { DocumentRef } from "./document-ref.ts";
import type { SupplyEvent } from "./event.ts";
import type { Issue } from "./issue.ts";
import type { Link } from "./link.ts";
import type { Location } from "./location.ts";
import type { Lot } from "./lot.ts";
import type { Party } from "./party.ts";

export type SupplyRecord = Party | Location | Lot | SupplyEvent | Link | DocumentRef;

/** Records parsed from one chunk of input, with the issues found in it. */
export interface RecordBatch {
  readonly parties: readonly Party[];
  readonly locations: readonly Location[];
  readonly lots: readonly Lot[];
  readonly events: readonly SupplyEvent[];
  readonly links: readonly Link[];
  readonly documents: readonly DocumentRef[];
}

export interface ParsedChunk {
  readonly records: RecordBatch;
  readonly issues: readonly Issue[];
}

export function emptyBatch(): RecordBatch {
  return { parties: [], locations: [], lots: [], events: [], links: [], documents: [] };
}

export function batchSize(b: RecordBatch): number {
  return (
    b.parties.length +
    b.locations.length +
    b.lots.length +
    b.events.length +
    b.links.length +
    b.documents.length
  );
}
