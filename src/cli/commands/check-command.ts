import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import Papa from "papaparse";
import {
  AppError,
  type CheckQuery,
  type CheckResult,
  checkOne,
  createScreener,
  loadScreeningContext,
  type Screener,
} from "../../app/index.ts";
import { addGlobalOptions, type GlobalOptions, globalOptions, storeTarget } from "../global-options.ts";
import { printJson, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

interface CheckFlags {
  readonly address?: string;
  readonly country?: string;
  readonly file?: string;
  readonly threshold?: string;
}

function printReadable(q: CheckQuery, r: CheckResult): void {
  printLine(`${q.name}${q.address ? ` — ${q.address}` : ""}`);
  const shown = r.results.slice(0, 3);
  if (shown.length === 0) printLine("  no list entry comes close");
  for (const m of shown) {
    const verdict = m.match ? "MATCH" : "no match";
    printLine(
      `  ${verdict} ${m.score.toFixed(2)}  ${m.entity.name} (${m.entity.list} ${m.entity.section ?? ""})`,
    );
    for (const e of m.explanations) printLine(`      ${e}`);
  }
  const where = r.geography.division ? ` (${r.geography.division.name} ${r.geography.division.code})` : "";
  printLine(`  Xinjiang: ${r.geography.xinjiang ? `yes${where}` : "no"}; ${r.geography.evidence.join("; ")}`);
}

async function readQueries(path: string): Promise<CheckQuery[]> {
  const text = await readFile(path, "utf8").catch((e: unknown) => {
    throw new AppError("io", `${path}: cannot read`, { cause: e });
  });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  if (!parsed.meta.fields?.includes("name"))
    throw new AppError("invalid-input", `${path}: line 1: no "name" column`);
  return parsed.data.map((row) => ({
    name: row.name ?? "",
    ...(row.address ? { address: row.address } : {}),
    ...(row.country ? { country: row.country } : {}),
  }));
}

function parseThreshold(raw: string | undefined): number | undefined {
  const threshold = raw === undefined ? undefined : Number(raw);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1))
    throw new AppError("usage", "--threshold must be a number in (0, 1]");
  return threshold;
}

/**
 * The latest list version of the store when there is one (a store is never created just to check
 * a name), else the bundled lists.
 */
async function screenerFor(options: GlobalOptions, threshold: number | undefined): Promise<Screener> {
  const target = storeTarget(options);
  const settings = threshold === undefined ? {} : { threshold };
  if (!/^postgres(ql)?:\/\//i.test(target) && !existsSync(target)) return createScreener(settings);
  return withStore(options, async (store) => (await loadScreeningContext(store, settings)).screener);
}

export function registerCheck(program: Command): void {
  addGlobalOptions(
    program
      .command("check")
      .description(
        "screen one name (or a CSV of names) against the store's latest list version (else the bundled lists), with Xinjiang geography",
      )
      .argument("[name]", "a company name in any script")
      .option("--address <address>", "its address, for the geography check")
      .option("--country <cc>", "its country (ISO code or name)")
      .option("--file <csv>", "a CSV with columns name[, address, country]: one JSON line per row")
      .option("--threshold <score>", "match threshold (default 0.70)"),
  ).action(async (name: string | undefined, flags: CheckFlags, command: Command) => {
    const options = globalOptions(command);
    const screener = await screenerFor(options, parseThreshold(flags.threshold));
    if (flags.file) {
      for (const q of await readQueries(flags.file)) printJsonLine(checkOne(screener, q));
      return;
    }
    if (!name) throw new AppError("usage", "give a NAME or --file NAMES.csv");
    const query: CheckQuery = {
      name,
      ...(flags.address === undefined ? {} : { address: flags.address }),
      ...(flags.country === undefined ? {} : { country: flags.country }),
    };
    const result = checkOne(screener, query);
    if (options.json) printJson(result);
    else printReadable(query, result);
  });
}
