import type { Command } from "commander";
import { screenStore } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

export function registerScreen(program: Command): void {
  addGlobalOptions(
    program
      .command("screen")
      .description(
        "screen every party and location in the store against the bundled UFLPA and WRO lists and Xinjiang geography",
      ),
  ).action(async (_flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const records = await withStore(options, (store) => screenStore(store));
    if (options.json) {
      for (const r of records) printJsonLine(r);
      return;
    }
    const flagged = records.filter((r) => r.results.length > 0 || r.geography?.xinjiang);
    const rows = flagged.map((r) => [
      r.subject.kind,
      r.subject.name,
      r.results.map((m) => `${m.entity.name} (${m.via}, ${m.score.toFixed(2)})`).join("; ") || "-",
      r.geography?.xinjiang ? `Xinjiang${r.geography.division ? ` ${r.geography.division.code}` : ""}` : "",
    ]);
    printLine(formatTable(["kind", "name", "list hits", "geography"], rows));
    printLine(`\n${flagged.length} of ${records.length} parties and locations flagged`);
  });
}
