import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  AppError,
  auditPackage,
  loadPackageContext,
  type PackageContext,
  packageAssessment,
  type ShipmentAssessment,
  type Store,
} from "../../app/index.ts";
import { PACKAGE_ROOT_URL } from "../../lib/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { createDemoAccount } from "../demo-account.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine, printNote } from "../output.ts";
import { type PackagePaths, readPackageFonts, safeShipmentDir, writePackage } from "../package-files.ts";
import { registerSampleDocuments } from "../sample-documents.ts";
import { withStore } from "../with-store.ts";
import { importPaths, printImportResults } from "./import-command.ts";
import { readServeConfig, type ServeFlags, serveStore } from "./serve-command.ts";
import { printStats } from "./stats-command.ts";

export const BUNDLED_SAMPLE = join(fileURLToPath(PACKAGE_ROOT_URL), "sample");

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

/** A shipment CBP would likely detain: any Xinjiang share or listed entity, or evidence that does not close. */
export function atRiskOfDetention(a: ShipmentAssessment): boolean {
  return a.verdict === "inadmissible" || a.verdict === "insufficient-evidence";
}

/** One row of the main job: the assessment and, when it is at risk, where its package went. */
export interface MainJobRow extends ShipmentAssessment {
  readonly package: PackagePaths | null;
}

function percent(share: number): string {
  // No de minimis: a non-zero share never prints as 0 %.
  if (share > 0 && share < 0.0005) return "<0.1 %";
  return `${(share * 100).toFixed(1)} %`;
}

/** Paths under the working folder print relative to it: shorter, and what the user typed. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

export function printAssessments(rows: readonly MainJobRow[]): void {
  const table = rows.map(({ shipment, trace, verdict, package: written }) => [
    shipment.id,
    percent(trace.xinjiangShare),
    percent(trace.unknownShare),
    percent(trace.worstCaseXinjiangShare),
    trace.listedEntities.map((e) => e.name).join("; ") || "none",
    [...new Set(trace.flags.map((f) => f.code))].join(", ") || "none",
    verdict,
    written ? shownPath(written.pdf) : "-",
  ]);
  printLine(
    formatTable(
      ["shipment", "Xinjiang", "unknown", "worst case", "listed entities", "flags", "verdict", "package"],
      table,
    ),
  );
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  printLine(
    `\n${rows.length} import shipment(s): ${count("inadmissible")} inadmissible, ` +
      `${count("insufficient-evidence")} with insufficient evidence, ${count("admissible")} admissible`,
  );
}

/**
 * Packages every at-risk shipment into `dir/<shipment id>/`, reusing one loaded context. Each
 * shipment's folder is replaced, so a rerun overwrites rather than accumulates.
 */
export async function packageAtRisk(context: PackageContext, dir: string): Promise<MainJobRow[]> {
  const fonts = await readPackageFonts();
  const generatedAt = new Date().toISOString();
  const atRisk = context.assessments.filter(atRiskOfDetention).length;
  if (atRisk > 0) printNote(`packaging ${atRisk} at-risk shipment(s) into ${shownPath(dir) || "."}`);
  const rows: MainJobRow[] = [];
  for (const assessment of context.assessments) {
    if (!atRiskOfDetention(assessment)) {
      rows.push({ ...assessment, package: null });
      continue;
    }
    const result = await packageAssessment(context, assessment, fonts, { generatedAt });
    await auditPackage(context.store, cliPrincipal(), assessment.shipment.id, result);
    const target = join(dir, safeShipmentDir(assessment.shipment.id));
    rows.push({ ...assessment, package: await writePackage(target, result, { replace: true }) });
  }
  return rows;
}

type DemoFlags = { sample: string; packages: string; serve?: boolean } & ServeFlags;

/** `demo --serve`: a demo login, then the API and UI until Ctrl-C. */
async function serveDemo(store: Store, flags: ServeFlags, db: string | undefined): Promise<void> {
  const account = await createDemoAccount(store);
  await serveStore(store, await readServeConfig({ ...flags, db }), (url) => {
    printLine(
      `\nOpen ${url} and sign in as ${account.username} / ${account.password} (admin; stop with Ctrl-C)`,
    );
  });
}

export function registerDemo(program: Command): void {
  addGlobalOptions(
    program
      .command("demo")
      .description(
        "the main job on the bundled sample chain: import, screen, trace every import shipment, package the at-risk ones",
      )
      .option("--sample <dir>", "a sample folder written by `threadproof generate`", BUNDLED_SAMPLE)
      .option("--packages <dir>", "where each at-risk shipment's evidence package goes", "packages")
      .option("--serve", "then serve the API and web UI on the result, with a local demo account")
      .option("--host <host>", "with --serve: interface (env THREADPROOF_HOST, default 127.0.0.1)")
      .option("--port <port>", "with --serve: port (env THREADPROOF_PORT, default 8080)"),
  ).action(async (flags: DemoFlags, command: Command) => {
    const options = globalOptions(command);
    const files = await sampleFiles(flags.sample);
    await withStore(options, async (store) => {
      const results = await importPaths(store, files, {});
      // After the import, so every ref names something already in the store.
      const documents = await registerSampleDocuments(store, flags.sample);
      const stats = await store.stats();
      const rows = await packageAtRisk(await loadPackageContext(store), resolve(flags.packages));
      if (options.json) {
        const imports = results.map(({ log, ...r }) => r);
        const registered = { registered: documents.length, added: documents.filter((d) => d.added).length };
        printJson({ store: store.location, imports, documents: registered, stats, shipments: rows });
        return;
      }
      printLine(`threadproof main job on ${flags.sample}\n`);
      printImportResults(results);
      if (documents.length > 0)
        printLine(
          `\n${documents.length} sample document(s) registered from ${join(flags.sample, "documents")} (${documents.filter((d) => d.added).length} new)`,
        );
      printLine("");
      printStats(store.location, stats, (await store.registry.list()).length);
      printLine("");
      printAssessments(rows);
      if (flags.serve) await serveDemo(store, flags, options.db);
    });
  });
}
