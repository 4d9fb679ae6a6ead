import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { AppError, assessShipments, loadTraceContext, type ShipmentAssessment } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";
import { importPaths, printImportResults } from "./import-command.ts";
import { printStats } from "./stats-command.ts";

export const BUNDLED_SAMPLE = fileURLToPath(new URL("../../../sample", import.meta.url));

/** The files of a sample folder that carry supply-chain data (not its README or ground truth). */
export async function sampleFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((e: unknown) => {
    throw new AppError("io", `${dir}: cannot read the sample folder`, { cause: e });
  });
  return names
    .filter((n) => /\.(jsonld|json|xml|csv|xlsx)$/i.test(n) && !/ground-truth/i.test(n))
    .sort()
    .map((n) => join(dir, n));
}

function percent(share: number): string {
  // No de minimis: a non-zero share never prints as 0 %.
  if (share > 0 && share < 0.0005) return "<0.1 %";
  return `${(share * 100).toFixed(1)} %`;
}

export function printAssessments(rows: readonly ShipmentAssessment[]): void {
  const table = rows.map(({ shipment, trace, verdict }) => [
    shipment.id,
    percent(trace.xinjiangShare),
    percent(trace.unknownShare),
    percent(trace.worstCaseXinjiangShare),
    trace.listedEntities.map((e) => e.name).join("; ") || "none",
    [...new Set(trace.flags.map((f) => f.code))].join(", ") || "none",
    verdict,
  ]);
  printLine(
    formatTable(
      ["shipment", "Xinjiang", "unknown", "worst case", "listed entities", "flags", "verdict"],
      table,
    ),
  );
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  printLine(
    `\n${rows.length} import shipment(s): ${count("inadmissible")} inadmissible, ` +
      `${count("insufficient-evidence")} with insufficient evidence, ${count("admissible")} admissible`,
  );
}

export function registerDemo(program: Command): void {
  addGlobalOptions(
    program
      .command("demo")
      .description(
        "the main job on the bundled sample chain: import everything, then report what the store holds",
      )
      .option("--sample <dir>", "a sample folder written by `threadproof generate`", BUNDLED_SAMPLE),
  ).action(async (flags: { sample: string }, command: Command) => {
    const options = globalOptions(command);
    const files = await sampleFiles(flags.sample);
    await withStore(options, async (store) => {
      const results = await importPaths(store, files, {});
      const stats = await store.stats();
      const assessments = assessShipments(await loadTraceContext(store));
      if (options.json) {
        const imports = results.map(({ log, ...r }) => r);
        printJson({ store: store.location, imports, stats, shipments: assessments });
        return;
      }
      printLine(`threadproof main job on ${flags.sample}\n`);
      printImportResults(results);
      printLine("");
      printStats(store.location, stats);
      printLine("");
      printAssessments(assessments);
    });
  });
}
