import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import Papa from "papaparse";
import { AppError, compareNames, readNamePairs } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJsonLine, printLine } from "../output.ts";

interface CompareFlags {
  readonly pairs?: string;
  readonly threshold?: string;
}

async function readPairsFile(path: string) {
  const text = await readFile(path, "utf8").catch((e: unknown) => {
    throw new AppError("io", `${path}: cannot read`, { cause: e });
  });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
  });
  return readNamePairs(parsed.data, parsed.meta.fields ?? [], path);
}

export function registerCompare(program: Command): void {
  addGlobalOptions(
    program
      .command("compare")
      .description("score name pairs with the matcher alone (no list): one result per row")
      .requiredOption(
        "--pairs <csv>",
        "a CSV with columns name1, name2 and optional schema, address1, country1, address2, country2",
      )
      .option("--threshold <score>", "match threshold (default 0.70)"),
  ).action(async (flags: CompareFlags, command: Command) => {
    const options = globalOptions(command);
    const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1))
      throw new AppError("usage", "--threshold must be a number in (0, 1]");
    const pairs = await readPairsFile(flags.pairs ?? "");
    const results = pairs.map((p) => compareNames(p, threshold));
    if (options.json) {
      for (const r of results) printJsonLine(r);
      return;
    }
    const rows = pairs.map((p, i) => [
      p.name1,
      p.name2,
      results[i]?.score.toFixed(2) ?? "",
      results[i]?.match ? "match" : "",
    ]);
    printLine(formatTable(["name1", "name2", "score", "verdict"], rows));
  });
}
