import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Issue, ParsedChunk, RecordBatch } from "../../model/index.ts";
import type { Importer } from "../importer.ts";

/** Test-only helpers (not exported from index.ts): fixture paths and running an importer to the end. */
export const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/epcis");

export function fixtureFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(FIXTURES, dir, f));
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export interface Imported extends RecordBatch {
  readonly issues: readonly Issue[];
  readonly chunks: readonly ParsedChunk[];
}

export async function runImporter(
  importer: Importer,
  source: string,
  bytes: Uint8Array,
  chunkSize = 4096,
): Promise<Imported> {
  const chunks: ParsedChunk[] = [];
  for await (const c of importer({ source, bytes: chunksOf(bytes, chunkSize) })) chunks.push(c);
  const all = <K extends keyof RecordBatch>(k: K) =>
    chunks.flatMap((c) => c.records[k] as RecordBatch[K][number][]);
  return {
    parties: all("parties"),
    locations: all("locations"),
    lots: all("lots"),
    events: all("events"),
    links: all("links"),
    documents: all("documents"),
    issues: chunks.flatMap((c) => c.issues),
    chunks,
  };
}

export function importFile(importer: Importer, path: string, chunkSize?: number): Promise<Imported> {
  return runImporter(importer, basename(path), readFileSync(path), chunkSize);
}

export function errorsOf(r: Imported): Issue[] {
  return r.issues.filter((i) => i.severity === "error");
}
