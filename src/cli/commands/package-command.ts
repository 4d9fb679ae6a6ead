import { resolve } from "node:path";
import type { Command } from "commander";
import { auditPackage, packageShipment } from "../../app/index.ts";
import { formatIssue } from "../../model/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine, printNote } from "../output.ts";
import { readPackageFonts, safeShipmentDir, writePackage } from "../package-files.ts";
import { withStore } from "../with-store.ts";

export function registerPackage(program: Command): void {
  addGlobalOptions(
    program
      .command("package")
      .description("evidence package for an import shipment: package.pdf and package.json")
      .argument("<id>", "shipment: bill of lading number (BOL-MAEU-5505) or business-transaction id")
      .option("--out <dir>", "directory to write into (default: package-ID)"),
  ).action(async (id: string, flags: { out?: string }, command: Command) => {
    const options = globalOptions(command);
    const fonts = await readPackageFonts();
    const result = await withStore(options, async (store) => {
      const built = await packageShipment(store, id, fonts);
      await auditPackage(store, cliPrincipal(), built.pkg.shipment.id, built);
      return built;
    });
    const dir = resolve(flags.out ?? `package-${safeShipmentDir(id)}`);
    const { pdf, json } = await writePackage(dir, result);
    for (const i of result.issues) printNote(`warning: ${formatIssue(i)}`);
    if (options.json) return printJson({ pdf, json, verdict: result.verdict });
    printLine(`${result.pkg.summary.verdict.title}`);
    printLine(`  ${pdf}`);
    printLine(`  ${json}`);
  });
}
