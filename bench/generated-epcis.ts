import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { generateChain } from "../src/app/index.ts";

/**
 * The EPCIS JSON-LD documents of a generated chain of `events` events (seed 1) under
 * `dataDir/epcis-N`, written once and reused: the ingest benches time the same bytes.
 */
export async function generatedEpcis(dataDir: string, events: number): Promise<string[]> {
  const dir = join(dataDir, `epcis-${events}`);
  if (!existsSync(join(dir, "done"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of generateChain({ events, seed: 1 }).files) {
      if (!file.name.endsWith(".jsonld")) continue;
      await pipeline(Readable.from(file.chunks), createWriteStream(join(dir, file.name)));
    }
    createWriteStream(join(dir, "done")).end();
  }
  return readdirSync(dir)
    .filter((n) => n.endsWith(".jsonld"))
    .sort()
    .map((n) => join(dir, n));
}
