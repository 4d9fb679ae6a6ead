import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createJsonSplitter } from "./json-event-splitter.ts";

/** Everything the splitter tells about `text` fed in pieces of the given sizes (cycled). */
function split(text: string, sizes: readonly number[]): unknown {
  const splitter = createJsonSplitter();
  const events: string[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    events.push(...splitter.push(text.slice(at, at + size)));
    at += size;
  }
  return { events, preview: splitter.preview(), end: splitter.end() };
}

/** Strings full of what the quote skipping must get right: escaped quotes, runs of backslashes, brackets. */
const tricky = fc
  .array(fc.constantFrom('\\"', "\\\\", "\\\\\\\\", '\\\\\\"', "{", "}", "[", "]", ",", ":", "a", "é"), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

const eventText = fc
  .array(fc.tuple(fc.constantFrom("type", "x", 'k\\"'), tricky), { minLength: 1, maxLength: 4 })
  .map((fields) => `{${fields.map(([k, v]) => `"${k}":"${v}"`).join(",")},"n":[1,{"q":"]"}]}`);

const documentText = fc
  .array(eventText, { maxLength: 4 })
  .map(
    (events) =>
      `{"@context":[{"ex":"${"\\\\"}"}],"type":"EPCISDocument","epcisBody":{"eventList":[${events.join(",")}]}}`,
  );

describe("createJsonSplitter", () => {
  it("gives the same events, skeleton and end state whatever the sizes of the pieces", () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(documentText, sizes, fc.integer({ min: 0, max: 200 }), (doc, pieces, cut) => {
        // A cut document too: the state it ends in (inside a string or not) must not depend on the pieces.
        for (const text of [doc, doc.slice(0, cut)])
          expect(split(text, pieces)).toEqual(split(text, [text.length || 1]));
      }),
      { numRuns: 1500 },
    );
  });

  it("hands over each event's exact text", () => {
    const events = ['{"a":"x\\\\"}', '{"b":"\\"}{"}', '{"c":["]",{"d":"\\\\\\""}]}'];
    const doc = `{"type":"EPCISDocument","epcisBody":{"eventList":[${events.join(",")}]}}`;
    expect(split(doc, [3, 1, 7])).toMatchObject({ events, end: { truncated: false, strayValue: false } });
    for (const e of events) expect(JSON.parse(e)).toBeTypeOf("object");
  });
});
