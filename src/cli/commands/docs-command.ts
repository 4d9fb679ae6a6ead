import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  type AddDocumentOptions,
  type AddedDocument,
  AppError,
  addDocuments,
  type DocumentCheck,
  documentAuditEntry,
  listDocuments,
  type RegisteredDocument,
  showDocument,
  verifyDocuments,
} from "../../app/index.ts";
import { formatIssue, type Issue } from "../../model/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine, printNote } from "../output.ts";
import { withStore } from "../with-store.ts";

interface AddFlags {
  readonly type: string;
  readonly ref?: readonly string[];
  readonly date?: string;
  readonly note?: string;
  readonly lang?: string;
}

async function readDocument(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(e);
    throw new AppError("io", `${path}: ${why}`, { cause: e });
  }
}

const short = (sha256: string): string => sha256.slice(0, 12);
const linkText = (d: RegisteredDocument): string => d.links.map((l) => `${l.kind} ${l.ref}`).join(", ");

function printWarnings(issues: readonly Issue[]): void {
  for (const i of issues) printNote(`warning: ${formatIssue(i)}`);
}

function printAdded(r: AddedDocument): void {
  const d = r.document;
  const what = r.added ? "added" : `already registered, ${r.newLinks.length} new link(s)`;
  printLine(`${short(d.sha256)}  ${d.category}  ${d.fileName}  ${what}`);
  printLine(`  links: ${linkText(d) || "none"}`);
}

function printList(documents: readonly RegisteredDocument[]): void {
  const rows = documents.map((d) => [short(d.sha256), d.category, d.date ?? "", d.fileName, linkText(d)]);
  printLine(formatTable(["sha256", "type", "date", "file", "links"], rows));
  printLine(`\n${documents.length} document(s)`);
}

function printChecks(checks: readonly DocumentCheck[]): void {
  const rows = checks.map((c) => [short(c.sha256), c.status, c.category, c.fileName]);
  printLine(formatTable(["sha256", "status", "type", "file"], rows));
}

/** A document whose bytes no longer match is bad evidence: an error with one issue per document. */
function failedChecks(checks: readonly DocumentCheck[]): AppError | undefined {
  const bad = checks.filter((c) => c.status !== "ok");
  if (bad.length === 0) return undefined;
  const issues: Issue[] = bad.map((c) => ({
    code: `document-${c.status}`,
    severity: "error",
    path: "sha256",
    provenance: { source: c.fileName, locator: c.sha256 },
    message:
      c.status === "missing" ? "the stored file is gone" : "the stored bytes no longer hash to the SHA-256",
  }));
  return new AppError("invalid-input", `${bad.length} of ${checks.length} document(s) no longer match`, {
    issues,
  });
}

function addOptions(flags: AddFlags): AddDocumentOptions {
  return {
    type: flags.type,
    refs: flags.ref ?? [],
    ...(flags.date === undefined ? {} : { date: flags.date }),
    ...(flags.note === undefined ? {} : { note: flags.note }),
    ...(flags.lang === undefined ? {} : { language: flags.lang }),
  };
}

function registerAdd(docs: Command): void {
  addGlobalOptions(
    docs
      .command("add")
      .description("register files as evidence, typed by CBP category and linked to what they document")
      .argument("<file...>", "files to register (any format; stored as they are)")
      .requiredOption("--type <type>", "CBP category or alias: bol, po, inv, packing-list, coo, …")
      .option("--ref <id...>", "lot, event, party, location or business-transaction id (BOL-MAEU-5501)")
      .option("--date <yyyy-mm-dd>", "the document's own date")
      .option("--note <text>", "a note kept with the record")
      .option("--lang <tag>", "language of the document (BCP 47), default en"),
  ).action(async (files: string[], flags: AddFlags, command: Command) => {
    const options = globalOptions(command);
    const add = addOptions(flags);
    const read = await Promise.all(
      files.map(async (path) => ({ name: path, bytes: await readDocument(path) })),
    );
    const results = await withStore(options, async (store) => {
      const principal = cliPrincipal();
      // Each file's audit record (actor: the local OS user) commits with the file: both or neither.
      return addDocuments(store, read, {
        ...add,
        audit: (written) => documentAuditEntry(principal, written),
      });
    });
    // The refs' warnings are the same for every file: print them once.
    printWarnings([...new Map(results.flatMap((r) => r.issues).map((i) => [formatIssue(i), i])).values()]);
    if (options.json) return printJson({ documents: results });
    for (const r of results) printAdded(r);
  });
}

function registerQueries(docs: Command): void {
  addGlobalOptions(
    docs
      .command("list")
      .description("registered documents")
      .option("--ref <id>", "only those linked to this lot, event, party, location or transaction")
      .option("--type <type>", "only this CBP category"),
  ).action(async (flags: { ref?: string; type?: string }, command: Command) => {
    const options = globalOptions(command);
    const documents = await withStore(options, (store) => listDocuments(store, flags));
    if (options.json) return printJson(documents);
    printList(documents);
  });
  addGlobalOptions(
    docs
      .command("show")
      .description("one registered document, with the events its business transactions link it to")
      .argument("<sha256>", "SHA-256 or an unambiguous prefix of it"),
  ).action(async (sha256: string, _flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const detail = await withStore(options, (store) => showDocument(store, sha256));
    printWarnings(detail.issues);
    if (options.json) return printJson(detail);
    const d = detail.document;
    printLine(`${d.sha256}  ${d.category}  ${d.fileName}`);
    printLine(`  ${d.mediaType}, ${d.size} bytes, language ${d.language}, added ${d.addedAt}`);
    if (d.date) printLine(`  dated ${d.date}`);
    if (d.note) printLine(`  note: ${d.note}`);
    for (const l of d.links) printLine(`  ${l.kind} ${l.ref}`);
    for (const e of detail.events) printLine(`  event ${e} (through its business transaction)`);
  });
}

function registerVerify(docs: Command): void {
  addGlobalOptions(
    docs.command("verify").description("re-hash every registered document; fails if any no longer matches"),
  ).action(async (_flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const checks = await withStore(options, verifyDocuments);
    const failure = failedChecks(checks);
    // With --json a failure prints only the error object, so stdout stays one JSON document.
    if (!options.json) printChecks(checks);
    else if (!failure) printJson(checks);
    if (failure) throw failure;
  });
}

export function registerDocs(program: Command): void {
  const docs = program
    .command("docs")
    .description("the document registry: files kept by SHA-256, typed by CBP category, linked to the chain");
  registerAdd(docs);
  registerQueries(docs);
  registerVerify(docs);
}
