import { describe, expect, it } from "vitest";
import { collectChunks } from "../csv/index.ts";
import { streamBytes } from "../text/index.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";

const BODY = "<EPCISDocument><EPCISBody><EventList>";
const XXE = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${BODY}<ObjectEvent><eventTime>&xxe;</eventTime></ObjectEvent></EventList></EPCISBody></EPCISDocument>`;
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
${BODY}&lol3;</EventList></EPCISBody></EPCISDocument>`;

const run = (xml: string) =>
  collectChunks(
    importEpcisXml({ source: "evil.xml", bytes: streamBytes(new TextEncoder().encode(xml), 16) }),
  );

describe("importEpcisXml with a DOCTYPE", () => {
  it("refuses an external entity (XXE) with one clear issue and reads nothing", async () => {
    const { records, issues } = await run(XXE);
    expect(records.events).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["epcis.xml-doctype"]);
    expect(issues[0]?.message).toMatch(/DOCTYPE at line 1 refused/);
    expect(JSON.stringify(issues)).not.toContain("root:");
  });

  it("refuses nested entity expansion (billion laughs) at its DOCTYPE line", async () => {
    const { records, issues } = await run(LAUGHS);
    expect(records.events).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["epcis.xml-doctype", "error"]]);
    expect(issues[0]?.message).toMatch(/line 2/);
  });
});
