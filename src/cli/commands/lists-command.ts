import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  AppError,
  describeLists,
  LIST_FORMATS,
  type ListChanges,
  type ListFormat,
  type ListName,
  type ListsDescription,
  type ListUpdateResult,
  updateLists,
} from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine, printNote } from "../output.ts";
import { withStore } from "../with-store.ts";

interface UpdateFlags {
  readonly format?: string;
  readonly list?: string;
  readonly skipInvalid?: boolean;
}

/** A URL is fetched (Node's fetch), anything else read as a local file. */
async function readListSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source).catch((e: unknown) => {
      throw new AppError("io", `${source}: cannot fetch`, { cause: e });
    });
    if (!response.ok) throw new AppError("io", `${source}: HTTP ${response.status} ${response.statusText}`);
    return response.text();
  }
  return readFile(source, "utf8").catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError("io", `${source}: ${code === "ENOENT" ? "no such file" : "cannot read"}`, {
      cause: e,
    });
  });
}

function printDescription(d: ListsDescription): void {
  const b = d.bundled;
  printLine(`Screening uses list version ${d.current}${d.current === 1 ? " (the bundled snapshot)" : ""}.`);
  printLine(
    `\nVersion 1, bundled UFLPA Entity List snapshot as of ${b.asOf}: PARTIAL, ${b.entityCount} of the ${b.officialCount} entities DHS lists.`,
  );
  printLine(`  ${b.statement}`);
  printLine(
    `  per section: ${Object.entries(b.countsBySection)
      .map(([s, n]) => `${s} ${n}`)
      .join(", ")}`,
  );
  if (d.versions.length > 0) {
    printLine("\nLoaded versions:");
    const rows = d.versions.map((v) => [
      String(v.version),
      v.loadedAt,
      v.asOf ?? "",
      v.lists.join(", "),
      String(v.entryCount),
      `${v.source} (${v.format})`,
    ]);
    printLine(formatTable(["version", "loaded", "as of", "lists", "entries", "source"], rows));
  }
  const sections = Object.entries(d.uflpa.countsBySection).map(([s, n]) => `${s} ${n}`);
  printLine(`\nVersion ${d.current}: ${d.uflpa.entityCount} UFLPA entries (${sections.join(", ")})`);
  printLine(`\nCBP Withhold Release Orders and Findings (${d.wro.length} rows):`);
  printLine(
    formatTable(
      ["date", "type", "entity"],
      d.wro.map((w) => [w.effectiveDate ?? "", w.sections.join(", "), w.name]),
    ),
  );
  printLine("\nWRO region rules:");
  const rules = d.regionRules.map((r) => [r.effectiveDate, r.id, r.products.join(", "), r.notes]);
  printLine(formatTable(["date", "rule", "products", "what it covers"], rules));
}

function changeLines(c: ListChanges): string[] {
  const sections = (xs: readonly string[]) => (xs.length > 0 ? ` [${xs.join(", ")}]` : "");
  return [
    ...c.added.map((e) => `  added    ${e.name}${sections(e.sections)}`),
    ...c.removed.map((e) => `  removed  ${e.name}${sections(e.sections)}`),
    ...c.renamed.map((r) => `  renamed  ${r.from.name} → ${r.to.name}`),
    ...c.moved.map((m) => `  moved    ${m.name}: ${m.from.join(", ") || "-"} → ${m.to.join(", ") || "-"}`),
    ...c.aliasesChanged.map(
      (a) =>
        `  aliases  ${a.name}: ${[...a.added.map((x) => `+${x}`), ...a.removed.map((x) => `-${x}`)].join("; ")}`,
    ),
  ];
}

function printUpdate(source: string, r: ListUpdateResult): void {
  if (!r.version) {
    printLine(`${source} is already the latest list version (${r.previous}); nothing loaded.`);
    return;
  }
  const c = r.changes;
  printLine(
    `${source}: list version ${r.version.version} (${r.version.lists.join(", ")} replaced; ${r.version.entryCount} entries in all) follows version ${r.previous}: ` +
      `${c.added.length} added, ${c.removed.length} removed, ${c.renamed.length} renamed, ${c.moved.length} moved between sections, ${c.aliasesChanged.length} with changed aliases`,
  );
  for (const line of changeLines(c)) printLine(line);
}

function parseFlags(flags: UpdateFlags): { format?: ListFormat; list?: ListName } {
  if (flags.format !== undefined && !LIST_FORMATS.includes(flags.format as ListFormat))
    throw new AppError("usage", `--format must be one of ${LIST_FORMATS.join(", ")}`);
  if (flags.list !== undefined && flags.list !== "uflpa" && flags.list !== "wro")
    throw new AppError("usage", "--list must be uflpa or wro");
  return {
    ...(flags.format ? { format: flags.format as ListFormat } : {}),
    ...(flags.list ? { list: flags.list as ListName } : {}),
  };
}

export function registerLists(program: Command): void {
  const lists = program
    .command("lists")
    .description("the reference lists screening uses, and their versions");
  addGlobalOptions(
    lists.command("show").description("list versions, the partial bundled snapshot, WRO rows and rules"),
  ).action(async (_flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const description = await withStore(options, describeLists);
    if (options.json) printJson(description);
    else printDescription(description);
  });
  addGlobalOptions(
    lists
      .command("update")
      .description("load a list (DHS page saved as HTML, FtM JSON lines, or CSV) as a new dated version")
      .argument("<file-or-url>", "a local file or an http(s) URL")
      .option("--format <format>", `${LIST_FORMATS.join(" | ")} (default: from the content)`)
      .option("--list <list>", "uflpa | wro, for entries the file does not assign (default uflpa)")
      .option("--skip-invalid", "load the readable entries of a file with bad rows"),
  ).action(async (source: string, flags: UpdateFlags, command: Command) => {
    const options = globalOptions(command);
    const parsed = parseFlags(flags);
    const text = await readListSource(source);
    const input = { text, source, ...parsed, ...(flags.skipInvalid ? { skipInvalid: true } : {}) };
    const result = await withStore(options, (store) => updateLists(store, input));
    for (const i of result.issues)
      printNote(`  ${i.provenance.source}: ${i.provenance.locator}: ${i.message}`);
    if (options.json) printJson(result);
    else printUpdate(source, result);
  });
}
