import type { Command } from "commander";
import { AppError, type DuplicatePair, findFacilityDuplicates } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

interface DuplicatesFlags {
  readonly threshold?: string;
  readonly addressThreshold?: string;
}

function score(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0 && value <= 1)) throw new AppError("usage", `${flag} must be a number in (0, 1]`);
  return value;
}

function printPair(p: DuplicatePair): void {
  printLine(`${p.verdict === "duplicate" ? "DUPLICATE" : "same name"}  ${p.nameScore.toFixed(2)}`);
  printLine(`  ${p.a.id}  ${p.a.name} — ${p.a.address}`);
  printLine(`  ${p.b.id}  ${p.b.name} — ${p.b.address}`);
  for (const e of p.explanations) printLine(`    ${e}`);
}

export function registerDuplicates(program: Command): void {
  addGlobalOptions(
    program
      .command("duplicates")
      .description(
        "find facilities the store holds more than once (name match through the screening matcher, then address agreement)",
      )
      .option("--threshold <score>", "name match threshold (default 0.70)")
      .option("--address-threshold <share>", "address agreement that makes one site (default 0.5)"),
  ).action(async (flags: DuplicatesFlags, command: Command) => {
    const options = globalOptions(command);
    const threshold = score(flags.threshold, "--threshold");
    const addressThreshold = score(flags.addressThreshold, "--address-threshold");
    await withStore(options, async (store) => {
      const report = await findFacilityDuplicates(store, {
        ...(threshold === undefined ? {} : { threshold }),
        ...(addressThreshold === undefined ? {} : { addressThreshold }),
      });
      if (options.json) return printJson(report);
      const dupes = report.pairs.filter((p) => p.verdict === "duplicate").length;
      printLine(
        `${report.facilities} named facilities, ${report.compared} pairs compared after candidate retrieval: ` +
          `${dupes} duplicates, ${report.pairs.length - dupes} same-name pairs at different addresses`,
      );
      for (const p of report.pairs) printPair(p);
    });
  });
}
