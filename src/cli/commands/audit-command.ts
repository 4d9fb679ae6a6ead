import type { Command } from "commander";
import { AppError, type AuditRecord, verifyAudit } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printJsonLine, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

function printRecords(records: readonly AuditRecord[]): void {
  const rows = records.map((r) => [
    String(r.seq),
    r.at.slice(0, 19),
    `${r.actor.username} (${r.actor.via})`,
    r.action,
    r.subject.length > 60 ? `${r.subject.slice(0, 57)}…` : r.subject,
  ]);
  printLine(formatTable(["seq", "at", "who", "action", "subject"], rows));
}

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the audit trail: every write, hash-chained");
  addGlobalOptions(
    audit
      .command("list")
      .description("the latest audit records, newest first")
      .option("--limit <n>", "how many (default 50)", "50"),
  ).action(async (flags: { limit: string }, command: Command) => {
    const options = globalOptions(command);
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new AppError("usage", `--limit ${flags.limit}: a positive integer`);
    const records = await withStore(options, (store) => store.auditRecords({ limit, newestFirst: true }));
    if (options.json) for (const r of records) printJsonLine(r);
    else printRecords(records);
  });
  addGlobalOptions(
    audit
      .command("verify")
      .description(
        "walk the hash chain: exit 0 if intact, else name the first altered, deleted or reordered record",
      ),
  ).action(async (_flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const result = await withStore(options, (store) => verifyAudit(store));
    if (!result.ok) throw new AppError("integrity", result.message);
    if (options.json) return printJson(result);
    printLine(`audit chain intact: ${result.records} records`);
    if (result.head) printLine(`head: ${result.head.seq} ${result.head.hash}`);
  });
}
