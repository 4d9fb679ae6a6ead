import type { Issue, ParsedChunk, RecordBatch } from "../../model/index.ts";

export interface CollectedImport {
  readonly records: RecordBatch;
  readonly issues: readonly Issue[];
  readonly chunks: number;
  readonly largestChunk: number;
}

/** Drains an importer into one batch (for small files, tests and previews: memory grows with it). */
export async function collectChunks(chunks: AsyncIterable<ParsedChunk>): Promise<CollectedImport> {
  const records = { parties: [], locations: [], lots: [], events: [], links: [], documents: [] } as {
    [K in keyof RecordBatch]: RecordBatch[K][number][];
  };
  const issues: Issue[] = [];
  let count = 0;
  let largestChunk = 0;
  for await (const chunk of chunks) {
    count += 1;
    const r = chunk.records;
    records.parties.push(...r.parties);
    records.locations.push(...r.locations);
    records.lots.push(...r.lots);
    records.events.push(...r.events);
    records.links.push(...r.links);
    records.documents.push(...r.documents);
    issues.push(...chunk.issues);
    const size =
      r.parties.length +
      r.locations.length +
      r.lots.length +
      r.events.length +
      r.links.length +
      r.documents.length;
    largestChunk = Math.max(largestChunk, size);
  }
  return { records, issues, chunks: count, largestChunk };
}
