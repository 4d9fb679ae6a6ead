import { describe, expect, it } from "vitest";
import { writeZip, xlsxZipBomb } from "../../../test/server/bad-input-zip.ts";
import { collectChunks } from "../csv/index.ts";
import { streamBytes } from "../text/index.ts";
import { importXlsx } from "./import-xlsx.ts";
import { readZipInflation, zipRefusal } from "./zip-inflation.ts";

describe("readZipInflation", () => {
  it("sums the sizes the central directory declares", () => {
    const zip = writeZip([
      { name: "a.xml", bytes: new Uint8Array(1000) },
      { name: "b.xml", bytes: new TextEncoder().encode("hello") },
    ]);
    expect(readZipInflation(zip)).toMatchObject({ entries: 2, uncompressedBytes: 1005 });
  });

  it("says when there is no central directory", () => {
    expect(readZipInflation(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatch(/no ZIP central directory/);
  });
});

describe("zipRefusal", () => {
  it("refuses a workbook whose compression ratio is far above a spreadsheet's", () => {
    expect(zipRefusal(xlsxZipBomb(20))).toEqual({
      code: "xlsx.too-large",
      message: expect.stringMatching(/compression ratio is \d+:1, above the limit of 100:1/),
    });
  });

  it("lets an ordinary archive through", () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(zipRefusal(writeZip([{ name: "x.xml", bytes: random }]))).toBeUndefined();
  });
});

describe("importXlsx on a zip bomb", () => {
  it("reports one xlsx.too-large issue and never inflates the sheet", async () => {
    const { records, issues } = await collectChunks(
      importXlsx({ source: "bomb.xlsx", bytes: streamBytes(xlsxZipBomb(20)) }),
    );
    expect(records.events).toEqual([]);
    expect(issues.map((i) => [i.code, i.provenance.source])).toEqual([["xlsx.too-large", "bomb.xlsx"]]);
    expect(issues[0]?.message).toMatch(/refused before reading/);
  });
});
