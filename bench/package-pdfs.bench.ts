/**
 * PDF rendering benchmark: `npx tsx bench/package-pdfs.bench.ts <packages dir>`, where the
 * directory is what `threadproof demo --packages DIR` wrote (one folder per shipment with
 * package.json and package.pdf). Renders every package.json again in one process, as the main job
 * does, and prints wall and CPU time of the first pass (cold: fonts parsed, nothing cached) and of
 * a second pass, with a SHA-256 over every PDF: two builds of the renderer run on the same
 * directory must print the same digest (the PDFs differ from the demo's own, as package.json
 * drops undefined fields).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { EvidencePackage } from "../src/report/evidence-package.ts";
import { renderPackagePdf } from "../src/report/index.ts";

const dir = process.argv[2];
if (!dir)
  throw new Error("usage: tsx bench/package-pdfs.bench.ts <packages dir written by threadproof demo>");
const FONTS = resolve(import.meta.dirname, "../assets/fonts");
const fonts = {
  regular: new Uint8Array(readFileSync(join(FONTS, "NotoSansSC-Regular.ttf"))),
  bold: new Uint8Array(readFileSync(join(FONTS, "NotoSansSC-Bold.ttf"))),
};
const packages = readdirSync(dir)
  .sort()
  .map((name) => ({
    name,
    pkg: JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) as EvidencePackage,
  }));

for (const pass of ["first pass (cold)", "second pass"]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  const digest = createHash("sha256");
  for (const { pkg } of packages) {
    const out = await renderPackagePdf(pkg, fonts);
    digest.update(out);
    bytes += out.length;
  }
  const used = process.cpuUsage(cpu);
  console.log(
    `${pass}: ${packages.length} PDFs (${(bytes / 1e6).toFixed(1)} MB, sha256 ${digest.digest("hex").slice(0, 16)}) in ` +
      `${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`,
  );
}
