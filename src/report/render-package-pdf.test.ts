import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanShipment, taintedShipment } from "../../test/fixtures/report/shipments.ts";
import { buildPackage } from "./build-package.ts";
import type { EvidencePackage } from "./evidence-package.ts";
import { PDF_SECTIONS, renderPackagePdf } from "./render-package-pdf.ts";

const FONTS_DIR = resolve(import.meta.dirname, "../../assets/fonts");
const fonts = {
  regular: new Uint8Array(readFileSync(join(FONTS_DIR, "NotoSansSC-Regular.ttf"))),
  bold: new Uint8Array(readFileSync(join(FONTS_DIR, "NotoSansSC-Bold.ttf"))),
};
const GENERATED_AT = "2025-06-06T08:00:00.000Z";
const dir = mkdtempSync(join(tmpdir(), "threadproof-pdf-"));

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Share of non-white pixels in a binary PPM (P6) as `pdftoppm` writes it. */
function inkShare(ppm: Buffer): number {
  const header = ppm.subarray(0, 64).toString("latin1");
  const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error("not a P6 PPM");
  const [width, height] = [Number(match[1]), Number(match[2])];
  const pixels = ppm.subarray(match[0].length);
  let ink = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3)
    if ((pixels[i] ?? 255) < 230 || (pixels[i + 1] ?? 255) < 230 || (pixels[i + 2] ?? 255) < 230) ink++;
  return ink / (width * height);
}

interface Rendered {
  readonly pkg: EvidencePackage;
  readonly bytes: Uint8Array;
  readonly path: string;
  readonly text: string;
  readonly pages: number;
}

async function render(name: string, pkg: EvidencePackage): Promise<Rendered> {
  const bytes = await renderPackagePdf(pkg, fonts);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [path]))?.[1]);
  return { pkg, bytes, path, text: run("pdftotext", ["-layout", path, "-"]), pages };
}

// The page checks need poppler-utils (pdftotext, pdftoppm), which `.ci/run` installs. Elsewhere,
// without it, the suite says so in its name and skips; in CI a missing poppler fails instead.
const POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;
const SKIP_PDF = !POPPLER && process.env.CI !== "true";

describe.skipIf(SKIP_PDF)(`renderPackagePdf${SKIP_PDF ? " (skipped: install poppler-utils)" : ""}`, () => {
  let clean: Rendered;
  let tainted: Rendered;

  beforeAll(async () => {
    clean = await render("clean", buildPackage(cleanShipment(), { generatedAt: GENERATED_AT }));
    tainted = await render("tainted", buildPackage(taintedShipment(), { generatedAt: GENERATED_AT }));
  }, 120_000);

  it("paginates A4 with a cover, contents and one page or more per section", () => {
    for (const r of [clean, tainted]) {
      expect(r.pages).toBeGreaterThanOrEqual(2 + PDF_SECTIONS.length);
      expect(r.pages).toBeLessThan(60);
      expect(r.text).toContain(`Page ${r.pages} of ${r.pages}`);
    }
    expect(run("pdfinfo", [tainted.path])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it("has every section title in the text layer and in the contents", () => {
    const contents = tainted.text.slice(tainted.text.indexOf("Contents"));
    for (const section of PDF_SECTIONS) {
      expect(tainted.text).toContain(section.title);
      expect(contents).toMatch(new RegExp(`${section.title.replace(/[.()]/g, "\\$&")}[ .]*\\d+`));
    }
  });

  it("prints the key figures, the bill of lading and Chinese party names", () => {
    expect(tainted.text).toContain("BOL-MAEU-5501");
    expect(tainted.text).toContain("Applicability review fails");
    for (const figure of ["18 %", "3.2 %", "20.1 %", "21.2 %"]) expect(tainted.text).toContain(figure);
    expect(tainted.text).toContain("新疆塔里木棉业有限公司");
    expect(tainted.text).toContain("青岛海联棉花贸易有限公司");
    expect(tainted.text).toContain("MISSING");
    expect(clean.text).toContain("BOL-MAEU-4410");
    expect(clean.text).toContain("Applicability review likely to succeed");
    expect(clean.text).toContain("江苏恒远纺织有限公司");
  });

  it("draws the flow chart as a landscape page that is not blank", () => {
    const page = clean.pkg && startPageOf(tainted, "2. Supply-chain flow chart");
    const prefix = join(dir, "flow");
    run("pdftoppm", [
      "-r",
      "50",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      tainted.path,
      prefix,
    ]);
    const ppm = readFileSync(`${prefix}.ppm`);
    expect(ppm.subarray(0, 2).toString()).toBe("P6");
    const [, width, height] = /^P6\s+(\d+)\s+(\d+)/.exec(ppm.subarray(0, 32).toString("latin1")) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
    expect(inkShare(ppm)).toBeGreaterThan(0.05);
  });

  it("prints Vietnamese names intact", async () => {
    const input = cleanShipment();
    const name = "Công ty TNHH Dệt may Hòa Thọ";
    const mill = "Nhà máy Sợi Phú Bài";
    const parties = input.parties.map((p, i) => (i === 0 ? { ...p, name } : p));
    const nodes = input.chain.nodes.map((n, i) => (i === 0 ? { ...n, name: mill } : n));
    const viet = { ...input, parties, chain: { ...input.chain, nodes } };
    const r = await render("vietnamese", buildPackage(viet, { generatedAt: GENERATED_AT }));
    const text = r.text.normalize("NFC");
    expect(text).toContain(name);
    expect(text).toContain(mill);
  }, 60_000);

  it("gives the same bytes for the same package", async () => {
    const again = await renderPackagePdf(tainted.pkg, fonts);
    expect(Buffer.from(again).equals(Buffer.from(tainted.bytes))).toBe(true);
  }, 60_000);
});

/** The 1-based page a section starts on, read from the contents page. */
function startPageOf(rendered: Rendered, title: string): number {
  const line = rendered.text.split("\n").find((l) => l.includes(title) && /\d+\s*$/.test(l));
  return Number(/(\d+)\s*$/.exec(line ?? "")?.[1]);
}
