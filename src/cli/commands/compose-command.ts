import type { Command } from "commander";
import { AppError, type CompositionEngine, composeLots, type LotComposition } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJsonLine, printLine, printNote } from "../output.ts";
import { withStore } from "../with-store.ts";

const ENGINES: readonly CompositionEngine[] = ["memory", "sql"];

function engineOf(raw: string): CompositionEngine {
  const engine = ENGINES.find((e) => e === raw);
  if (!engine) throw new AppError("usage", `--engine must be one of ${ENGINES.join(", ")}, not "${raw}"`);
  return engine;
}

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;

/**
 * `threadproof compose`: the composition of every lot, by the in-memory engine or by the SQL twin
 * inside the store. `--json` streams one line per lot (a million lots never sit in one document).
 */
export function registerCompose(program: Command): void {
  addGlobalOptions(
    program
      .command("compose")
      .description("the origin mix of every lot (Xinjiang, unknown, by region), in memory or in SQL")
      .option("--engine <engine>", "memory (the tracer) or sql (computed inside the store)", "memory"),
  ).action(async (flags: { engine: string }, command: Command) => {
    const options = globalOptions(command);
    const engine = engineOf(flags.engine);
    let exposed = 0;
    let untraced = 0;
    const started = performance.now();
    const summary = await withStore(options, (store) =>
      composeLots(store, engine, (lot: LotComposition) => {
        if (lot.xinjiangShare > 0) exposed++;
        if (lot.unknownShare > 0) untraced++;
        if (options.json) printJsonLine(lot);
      }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const levels =
      summary.levels === undefined ? "" : `, ${summary.levels} levels, ${summary.edges} lot→lot edges`;
    const text = `${summary.lots} lots composed by the ${engine} engine in ${seconds} s${levels}`;
    if (options.json) {
      printNote(text);
      return;
    }
    printLine(text);
    printLine(`  with a Xinjiang share: ${exposed} (${pct(exposed / Math.max(1, summary.lots))})`);
    printLine(`  with an unknown share: ${untraced} (${pct(untraced / Math.max(1, summary.lots))})`);
    printLine(`  on a cycle (set to unknown): ${summary.cycleLots.length}`);
  });
}
