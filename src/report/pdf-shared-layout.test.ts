import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { sharedLayoutFont } from "./pdf-shared-layout.ts";

const font = create(
  readFileSync(resolve(import.meta.dirname, "../../assets/fonts/NotoSansSC-Regular.ttf")),
) as Font;

describe("sharedLayoutFont", () => {
  it("gives the runs fontkit gives, each call its own positions (pdfkit scales them in place)", () => {
    const shared = sharedLayoutFont(font);
    expect(sharedLayoutFont(font)).toBe(shared);
    const fresh = font.layout("Ürümqi 新疆 cotton ");
    const first = shared.layout("Ürümqi 新疆 cotton ");
    expect(first.glyphs.map((g) => g.id)).toEqual(fresh.glyphs.map((g) => g.id));
    expect(first.positions).toEqual(fresh.positions);
    expect(first.advanceWidth).toBe(fresh.advanceWidth);
    for (const p of first.positions) p.xAdvance *= 2;
    const second = shared.layout("Ürümqi 新疆 cotton ");
    expect(second.positions).toEqual(fresh.positions);
    expect(second.advanceWidth).toBe(fresh.advanceWidth);
    // What pdfkit reads from the font besides layout passes through.
    expect(shared.unitsPerEm).toBe(font.unitsPerEm);
    expect(shared.postscriptName).toBe(font.postscriptName);
  });
});
