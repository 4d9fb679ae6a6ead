import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { computeEventPrehash } from "./event-hash.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { errorsOf, fixtureFiles, importFile } from "./test-helpers.ts";

const EXAMPLES = "event-hash/tests/examples";

function linesOf(path: string): string[] | undefined {
  return existsSync(path) ? readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean) : undefined;
}

describe("computeEventId against the reference implementation's golden files (JSON-LD)", () => {
  for (const file of fixtureFiles(EXAMPLES, /\.jsonld?$/)) {
    const stem = file.replace(/\.jsonld?$/, "");
    const hashes = linesOf(`${stem}.hashes`);
    const prehashes = linesOf(`${stem}.prehashes`);
    if (!hashes) continue;
    it(`reproduces ${basename(stem)}`, async () => {
      const r = await importFile(importEpcisJson, file);
      const { id: _ignored, ...first } = r.events[0] ?? { id: "" };
      if (prehashes) {
        expect(r.events.map(({ id: _id, ...e }) => computeEventPrehash(e))).toEqual(prehashes);
      }
      expect(r.events.map((e) => e.id)).toEqual(hashes);
      expect(errorsOf(r).length + Object.keys(first).length).toBeGreaterThan(0);
    });
  }
});
