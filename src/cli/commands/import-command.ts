import type { Command } from "commander";
import { type ImportResult, importAuditEntry, importFile, type Store } from "../../app/index.ts";
import { formatIssue } from "../../model/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine, printNote } from "../output.ts";
import { startProgress } from "../progress.ts";
import { openLocalFile } from "../read-file.ts";
import { withStore } from "../with-store.ts";

interface ImportFlags {
  readonly format?: string;
  readonly skipInvalid?: boolean;
}

/** Imports each file in its own transaction: a rejected file leaves the store as it was. */
export async function importPaths(
  store: Store,
  paths: readonly string[],
  flags: ImportFlags,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const principal = cliPrincipal();
  for (const path of paths) {
    const file = await openLocalFile(path);
    const progress = startProgress(file.name, file.size);
    try {
      const result = await importFile(store, file, {
        ...(flags.format === undefined ? {} : { format: flags.format }),
        skipInvalid: flags.skipInvalid === true,
        onProgress: (n) => progress.update(n),
        // The audit record commits with the import: both or neither.
        audit: (log) => importAuditEntry(principal, log),
      });
      results.push(result);
    } finally {
      progress.stop();
    }
  }
  return results;
}

function summaryRow(r: ImportResult): string[] {
  const a = r.added;
  return [
    r.source,
    r.format,
    String(a.events),
    String(a.lots),
    String(a.locations),
    String(a.parties),
    String(a.links),
    String(a.documents),
    String(a.retracted),
    String(r.skipped.length),
  ];
}

export function printImportResults(results: readonly ImportResult[]): void {
  const headers = [
    "file",
    "format",
    "events",
    "lots",
    "locations",
    "parties",
    "links",
    "docs",
    "retracted",
    "skipped",
  ];
  printLine(formatTable(headers, results.map(summaryRow)));
  printLine("(counts are records newly added; a re-import adds nothing)");
  for (const r of results) {
    for (const i of r.skipped) printNote(`skipped: ${formatIssue(i)}`);
    for (const i of r.warnings) printNote(`warning: ${formatIssue(i)}`);
  }
}

export function registerImport(program: Command): void {
  addGlobalOptions(
    program
      .command("import")
      .description(
        "load EPCIS 2.0 (JSON-LD/XML), CSV/XLSX templates, Open Supply Hub lists, FollowTheMoney JSON lines",
      )
      .argument("<files...>", "files to import; the format is detected from the content")
      .option(
        "--format <format>",
        "force a format (epcis-json, epcis-xml, facilities-csv, movements-csv, osh-csv, ftm-json, xlsx)",
      )
      .option(
        "--skip-invalid",
        "import the valid records and list the invalid ones, instead of rejecting the file",
      ),
  ).action(async (files: string[], flags: ImportFlags, command: Command) => {
    const options = globalOptions(command);
    const results = await withStore(options, (store) => importPaths(store, files, flags));
    if (options.json) printJson(results.map(({ log, ...r }) => ({ ...r, importId: log.id })));
    else printImportResults(results);
  });
}
