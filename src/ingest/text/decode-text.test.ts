import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.ts";
import { detectEncoding } from "./detect-encoding.ts";
import { splitLines } from "./split-lines.ts";
import { streamBytes } from "./stream-bytes.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/csv");

async function text(bytes: Uint8Array, chunkSize: number): Promise<string> {
  let out = "";
  for await (const chunk of decodeText(streamBytes(bytes, chunkSize)).chunks) out += chunk;
  return out;
}

function utf16be(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) >> 8;
    out[3 + i * 2] = s.charCodeAt(i) & 0xff;
  }
  return out;
}

describe("detectEncoding", () => {
  it("tells GB18030 from UTF-8 by whether the bytes are valid UTF-8", () => {
    const gb = readFileSync(resolve(FIXTURES, "facilities-gb18030.csv"));
    expect(detectEncoding(gb)).toBe("gb18030");
    expect(detectEncoding(new TextEncoder().encode("新疆,Xinjiang"))).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe("utf-16le");
    expect(detectEncoding(utf16be("a"))).toBe("utf-16be");
  });

  it("does not count a UTF-8 character cut at the end of the sample as invalid", () => {
    const bytes = new TextEncoder().encode("name,新");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf-8");
  });
});

describe("decodeText", () => {
  it("decodes GB18030 split into 1-byte chunks", async () => {
    const gb = new Uint8Array(readFileSync(resolve(FIXTURES, "facilities-gb18030.csv")));
    const decoded = await text(gb, 1);
    expect(decoded).toContain("阿克苏华孚纺织有限公司");
    expect(decoded).not.toContain("\ufffd");
  });

  it("drops the byte-order mark of UTF-8 and UTF-16 BE", async () => {
    expect(await text(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62]), 2)).toBe("ab");
    expect(await text(utf16be("país,中国"), 3)).toBe("país,中国");
  });

  it("reports the encoding it chose once read", async () => {
    const decoded = decodeText(streamBytes(new Uint8Array([0xff, 0xfe, 0x61, 0])));
    expect(decoded.encoding()).toBeUndefined();
    for await (const _ of decoded.chunks);
    expect(decoded.encoding()).toBe("utf-16le");
  });
});

describe("splitLines", () => {
  it("numbers LF and CRLF lines across chunk boundaries", async () => {
    async function* chunks() {
      yield "a\r";
      yield "\nb\n\nc";
    }
    const lines = [];
    for await (const l of splitLines(chunks())) lines.push(l);
    expect(lines).toEqual([
      { line: 1, text: "a" },
      { line: 2, text: "b" },
      { line: 3, text: "" },
      { line: 4, text: "c" },
    ]);
  });
});
