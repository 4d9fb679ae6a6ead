import { readFileSync } from "node:fs";
import { it } from "vitest";
import { computeEventPrehash } from "/work/main/src/ingest/epcis/event-hash.ts";
import { importEpcisJson } from "/work/main/src/ingest/epcis/import-epcis-json.ts";
import { importFile } from "/work/main/src/ingest/epcis/test-helpers.ts";

it("dbg", async () => {
  for (const f of (process.env.F ?? "").split(",")) {
    const r = await importFile(importEpcisJson, f);
    const exp = readFileSync(f.replace(/\.jsonld?$/, ".prehashes"), "utf8").split("\n");
    r.events.forEach(({ id, ...e }, i) => {
      const got = computeEventPrehash(e);
      if (got !== exp[i]) console.log("GOT\n" + got + "\nEXP\n" + exp[i]);
    });
    console.log(r.issues);
  }
});
