import type { Command } from "commander";
import { AppError, balanceInStore, type LocationBalance } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

const PERIODS = ["month", "quarter", "year"] as const;
type Period = (typeof PERIODS)[number];

function kg(n: number): string {
  return `${Math.round(n).toLocaleString("en-US")} kg`;
}

function row(l: LocationBalance): string[] {
  const where = l.period ? `${l.name ?? l.location} (${l.period})` : (l.name ?? l.location);
  return [
    l.status === "exceeded" ? "EXCEEDED" : "ok",
    where,
    l.stage ?? "unknown",
    kg(l.inputKg),
    kg(l.outputKg),
    kg(l.limitKg),
  ];
}

export function registerBalance(program: Command): void {
  addGlobalOptions(
    program
      .command("balance")
      .description("mass balance per location: outputs their inputs cannot explain (laundering)")
      .option("--period <period>", "also balance per month, quarter or year"),
  ).action(async (flags: { period?: string }, command: Command) => {
    const options = globalOptions(command);
    const period = flags.period;
    if (period !== undefined && !PERIODS.includes(period as Period)) {
      throw new AppError("usage", `--period must be one of ${PERIODS.join(", ")}`);
    }
    const balance = await withStore(options, (store) =>
      balanceInStore(store, period === undefined ? {} : { period: period as Period }),
    );
    if (options.json) return printJson(balance);
    const exceeded = balance.locations.filter((l) => l.status === "exceeded");
    printLine(
      formatTable(
        ["status", "location", "stage", "input", "output", "max output"],
        balance.locations.map(row),
      ),
    );
    printLine(
      `\n${exceeded.length} of ${balance.locations.length} location(s) exceed their inputs × maximum yield`,
    );
    for (const l of exceeded) for (const f of l.flags) printLine(`  ${l.name ?? l.location}: ${f.message}`);
  });
}
