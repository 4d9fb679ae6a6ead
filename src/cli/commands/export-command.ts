import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { exportEpcis } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printNote } from "../output.ts";
import { withStore } from "../with-store.ts";

export function registerExport(program: Command): void {
  addGlobalOptions(
    program
      .command("export")
      .description("write the store out as one EPCIS 2.0 JSON-LD document (locations as master data)")
      .option("--out <file>", "write to a file instead of stdout"),
  ).action(async (flags: { out?: string }, command: Command) => {
    const options = globalOptions(command);
    await withStore(options, async (store) => {
      const target = flags.out === undefined ? process.stdout : createWriteStream(flags.out);
      await pipeline(Readable.from(exportEpcis(store)), target, { end: flags.out !== undefined });
      if (flags.out !== undefined) printNote(`wrote ${flags.out}`);
    });
  });
}
