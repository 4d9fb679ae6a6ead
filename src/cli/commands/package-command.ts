import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { AppError, packageShipment } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

const FONTS = fileURLToPath(new URL("../../../assets/fonts/", import.meta.url));

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new AppError("io", `${path}: ${String(e)}`, { cause: e });
  }
}

async function writeOut(dir: string, pdf: Uint8Array, json: string): Promise<{ pdf: string; json: string }> {
  const paths = { pdf: join(dir, "package.pdf"), json: join(dir, "package.json") };
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(paths.pdf, pdf);
    await writeFile(paths.json, json);
  } catch (e) {
    throw new AppError("io", `cannot write the package to ${dir}: ${String(e)}`, { cause: e });
  }
  return paths;
}

export function registerPackage(program: Command): void {
  addGlobalOptions(
    program
      .command("package")
      .description("evidence package for an import shipment: package.pdf and package.json")
      .argument("<id>", "shipment: bill of lading number (BOL-MAEU-5505) or business-transaction id")
      .option("--out <dir>", "directory to write into (default: package-ID)"),
  ).action(async (id: string, flags: { out?: string }, command: Command) => {
    const options = globalOptions(command);
    const fonts = {
      regular: await readBytes(join(FONTS, "NotoSansSC-Regular.otf")),
      bold: await readBytes(join(FONTS, "NotoSansSC-Bold.otf")),
    };
    const result = await withStore(options, (store) => packageShipment(store, id, fonts));
    const dir = resolve(flags.out ?? `package-${id.replace(/[^\w.-]+/g, "_")}`);
    const paths = await writeOut(dir, result.pdf, result.json);
    if (options.json) return printJson({ ...paths, verdict: result.verdict });
    printLine(`${result.pkg.summary.verdict.title}`);
    printLine(`  ${paths.pdf}`);
    printLine(`  ${paths.json}`);
  });
}
