import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { AppError, generateChain, SAMPLE_SIZES } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine } from "../output.ts";

function parseSize(raw: string): number {
  if (raw in SAMPLE_SIZES) return SAMPLE_SIZES[raw as keyof typeof SAMPLE_SIZES];
  const n = Number(raw.replace(/[_,]/g, ""));
  if (Number.isInteger(n) && n > 0) return n;
  throw new AppError("usage", `--size must be small, medium, large or a number of events, not "${raw}"`);
}

export function registerGenerate(program: Command): void {
  addGlobalOptions(
    program
      .command("generate")
      .description(
        "write a seeded, realistic multi-tier cotton chain (EPCIS JSON-LD + CSV templates + ground truth)",
      )
      .option("--size <size>", "small | medium | large | a number of events", "small")
      .option("--seed <n>", "random seed (same seed, same bytes)", "42")
      .option("--out <dir>", "output folder", "generated"),
  ).action(async (flags: { size: string; seed: string; out: string }, command: Command) => {
    const events = parseSize(flags.size);
    const seed = Number(flags.seed);
    if (!Number.isInteger(seed))
      throw new AppError("usage", `--seed must be an integer, not "${flags.seed}"`);
    await mkdir(flags.out, { recursive: true });
    const written: string[] = [];
    for (const file of generateChain({ events, seed }).files) {
      const path = join(flags.out, file.name);
      await pipeline(Readable.from(file.chunks), createWriteStream(path));
      written.push(path);
    }
    if (globalOptions(command).json) printJson({ events, seed, files: written });
    else
      printLine(
        `wrote ${written.length} files to ${flags.out}/ (${events.toLocaleString("en-US")} events, seed ${seed})`,
      );
  });
}
