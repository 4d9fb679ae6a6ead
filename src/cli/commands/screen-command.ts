import type { Command } from "commander";
import { AppError, type ReviewedMatch, screenStore } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

function parseVersion(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/^v/i, ""));
  if (!Number.isInteger(n) || n < 1)
    throw new AppError("usage", `--since wants a list version number, not "${raw}"`);
  return n;
}

function describeHit(m: ReviewedMatch): string {
  const state = m.review.state === "open" ? "" : `, ${m.review.state}`;
  return `${m.entity.name} (${m.via}, ${m.score.toFixed(2)}${state}) ${m.hit}`;
}

export function registerScreen(program: Command): void {
  addGlobalOptions(
    program
      .command("screen")
      .description(
        "screen every party and location in the store against the latest list version (UFLPA, WRO) and Xinjiang geography",
      )
      .option("--since <version>", "only hits that are new since that list version"),
  ).action(async (flags: { since?: string }, command: Command) => {
    const options = globalOptions(command);
    const since = parseVersion(flags.since);
    const screening = await withStore(options, (store) =>
      screenStore(store, since === undefined ? {} : { since }),
    );
    if (options.json) {
      for (const r of screening.records) printJsonLine(r);
      return;
    }
    const records = screening.records;
    const flagged = records.filter(
      (r) => r.results.length > 0 || (since === undefined && r.geography?.xinjiang),
    );
    const rows = flagged.map((r) => [
      r.subject.kind,
      r.subject.name,
      r.results.map(describeHit).join("; ") || "-",
      r.geography?.xinjiang ? `Xinjiang${r.geography.division ? ` ${r.geography.division.code}` : ""}` : "",
    ]);
    printLine(formatTable(["kind", "name", "list hits", "geography"], rows));
    const what = since === undefined ? "flagged" : `with hits new since list version ${since}`;
    printLine(
      `\n${flagged.length} of ${records.length} parties and locations ${what} (list version ${screening.listVersion})`,
    );
  });
}
