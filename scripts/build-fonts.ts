/**
 * Builds assets/fonts/NotoSansSC-{Regular,Bold}.ttf: subsets of Google Fonts' Noto Sans SC (SIL OFL
 * 1.1) as packaged in the npm registry by @expo-google-fonts/noto-sans-sc, cut with harfbuzz's
 * hb-subset (the `subset-font` dev dependency). Run from the repo root:
 *   npx tsx scripts/build-fonts.ts [folder holding the unpacked package]
 * Without a folder it fetches the package tarball with `npm pack`. The output is committed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import subsetFont from "subset-font";

const PACKAGE = "@expo-google-fonts/noto-sans-sc@0.4.3";
const OUT = resolve("assets/fonts");

/** Latin with Vietnamese (Ext-A/B, combining marks, Ext Additional), punctuation, symbols, CJK punctuation. */
const SHARED_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2b0, 0x36f],
  [0x1e00, 0x1eff],
  [0x2000, 0x20cf],
  [0x2190, 0x21ff],
  [0x2212, 0x2212],
  [0x2264, 0x2265],
  [0x25a0, 0x25ff],
  [0x2713, 0x2717],
  [0x3000, 0x303f],
  [0xff00, 0xffef],
];
/** Party names and addresses are set in Regular: every unified ideograph, simplified and traditional. */
const CJK_UNIFIED: readonly [number, number] = [0x4e00, 0x9fff];

function text(ranges: readonly (readonly [number, number])[]): string {
  const out: string[] = [];
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c));
  return out.join("");
}

/** The 6,763 GB 2312 hanzi (EUC-CN rows 0xB0–0xF7): Bold sets only headings and labels we write. */
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

function unpackedPackage(): string {
  const given = process.argv[2];
  if (given) return resolve(given);
  const dir = mkdtempSync(join(tmpdir(), "noto-sans-sc-"));
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--pack-destination", dir], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1);
  execFileSync("tar", ["xzf", join(dir, tarball ?? ""), "-C", dir]);
  return join(dir, "package");
}

async function subset(source: string, chars: string, out: string): Promise<void> {
  const bytes = await subsetFont(readFileSync(source), chars, {
    targetFormat: "truetype",
    keepFeatures: ["kern", "liga"],
    noHinting: true,
  });
  writeFileSync(out, bytes);
  console.log(`${out}: ${(statSync(out).size / 1e6).toFixed(1)} MB`);
}

const dir = unpackedPackage();
const shared = text(SHARED_RANGES);
await subset(
  join(dir, "400Regular/NotoSansSC_400Regular.ttf"),
  shared + text([CJK_UNIFIED]),
  join(OUT, "NotoSansSC-Regular.ttf"),
);
await subset(
  join(dir, "700Bold/NotoSansSC_700Bold.ttf"),
  shared + gb2312Hanzi(),
  join(OUT, "NotoSansSC-Bold.ttf"),
);
