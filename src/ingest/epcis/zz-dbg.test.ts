import { it } from "vitest";
import { formatIssue } from "../../model/index.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importFile } from "./test-helpers.ts";
it("dbg", async () => {
  for (const f of (process.env.F ?? "").split(",")) {
    const r = await importFile(f.endsWith(".xml") ? importEpcisXml : importEpcisJson, f);
    console.log(f.split("/").pop(), r.events.length, r.issues.map(formatIssue).slice(0, 6).join("\n"));
  }
});
