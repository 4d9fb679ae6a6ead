import { Command, CommanderError } from "commander";
import { registerAudit } from "./commands/audit-command.ts";
import { registerBalance } from "./commands/balance-command.ts";
import { registerCheck } from "./commands/check-command.ts";
import { registerCompare } from "./commands/compare-command.ts";
import { registerCompose } from "./commands/compose-command.ts";
import { registerDemo } from "./commands/demo-command.ts";
import { registerDocs } from "./commands/docs-command.ts";
import { registerDuplicates } from "./commands/duplicates-command.ts";
import { registerExport } from "./commands/export-command.ts";
import { registerGenerate } from "./commands/generate-command.ts";
import { registerImport } from "./commands/import-command.ts";
import { registerLists } from "./commands/lists-command.ts";
import { registerPackage } from "./commands/package-command.ts";
import { registerReview } from "./commands/review-command.ts";
import { registerScreen } from "./commands/screen-command.ts";
import { registerServe } from "./commands/serve-command.ts";
import { registerShard } from "./commands/shard-command.ts";
import { registerStats } from "./commands/stats-command.ts";
import { registerTrace } from "./commands/trace-command.ts";
import { registerTokens, registerUsers } from "./commands/users-command.ts";
import { EXIT_CODES, exitCodeFor } from "./exit-codes.ts";
import { addGlobalOptions } from "./global-options.ts";
import { printError, stopQuietlyOnClosedPipe } from "./output.ts";

export function buildProgram(): Command {
  const program = addGlobalOptions(
    new Command("threadproof")
      .description(
        "Trace cotton supply chains; screen parties; prove or disprove Xinjiang forced-labour exposure.",
      )
      .version("0.1.0")
      .showHelpAfterError()
      .exitOverride(),
  );
  for (const register of [
    registerImport,
    registerStats,
    registerExport,
    registerTrace,
    registerCompose,
    registerBalance,
    registerPackage,
    registerDocs,
    registerCheck,
    registerScreen,
    registerReview,
    registerLists,
    registerCompare,
    registerDuplicates,
    registerGenerate,
    registerDemo,
    registerServe,
    registerUsers,
    registerTokens,
    registerAudit,
    registerShard,
  ]) {
    register(program);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.includes("--json");
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed the usage problem.
      return e.exitCode === 0 ? 0 : EXIT_CODES.usage;
    }
    printError(e, wantsJson(argv));
    return exitCodeFor(e);
  }
}

stopQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
