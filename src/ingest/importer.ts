import type { ParsedChunk } from "../model/index.ts";

/** What an importer reads: a named byte stream (the name is used in every issue's provenance). */
export interface ImportInput {
  readonly source: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}

/**
 * Every format's importer has this shape. It streams: chunks of at most a few thousand records,
 * each with the issues found in it, so memory does not grow with the file. It never throws for
 * bad data (that is an issue); it throws only when the input cannot be read at all.
 */
export type Importer = (input: ImportInput) => AsyncIterable<ParsedChunk>;

/** Records per chunk that importers aim for. */
export const CHUNK_RECORDS = 2000;
