import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { AppError } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine } from "../output.ts";
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
      if (options.json) {
        printJson({ store: store.location, imports: results.map(({ log, ...r }) => r), stats });
        return;
      }
      printLine(`threadproof main job on ${flags.sample}\n`);
      printImportResults(results);
      printLine("");
      printStats(store.location, stats);
    });
  });
}
