import type { Command } from "commander";
import { renderTrace, traceInStore } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

export function registerTrace(program: Command): void {
  addGlobalOptions(
    program
      .command("trace")
      .description(
        "what share of a lot or shipment comes from Xinjiang, what share is untraced, who handled it",
      )
      .argument(
        "<id>",
        "lot (EPC class, Digital Link or internal id), shipment business-transaction id, or event id",
      )
      .option("--down", "the reverse: where the lot went (recall)"),
  ).action(async (id: string, flags: { down?: boolean }, command: Command) => {
    const options = globalOptions(command);
    const result = await withStore(options, (store) => traceInStore(store, id, flags.down ? "down" : "up"));
    if (options.json) printJson(result);
    else printLine(renderTrace(result));
  });
}
