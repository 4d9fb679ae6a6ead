import type { Issue } from "../model/index.ts";
import { importAuditEntry } from "./audit-trail-writes.ts";
import { AppError } from "./errors.ts";
import { type ImportSource, importFile, resolveImportFormat } from "./import-file.ts";
import { checkImportScope } from "./import-scope.ts";
import { createJobRegistry, type Job, type JobRegistry } from "./job-registry.ts";
import { type Principal, scopeOf } from "./principal.ts";
import type { Store, WriteCounts } from "./store.ts";

export interface ImportProgress {
  readonly bytesRead: number;
  /** The upload's size, when known. */
  readonly bytesTotal?: number;
  readonly recordsRead: number;
  /** Records the store newly added so far (parties, locations, lots, events, links, documents). */
  readonly recordsWritten: number;
}

/** A finished import: what `threadproof import --json` prints for one file. */
export interface ImportOutcome {
  readonly importId: number;
  readonly source: string;
  readonly format: string;
  readonly sha256: string;
  readonly added: WriteCounts;
  readonly recordsRead: number;
  /** Invalid records left out under `skipInvalid`. */
  readonly skipped: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export type ImportJob = Job<ImportProgress, ImportOutcome>;
export type ImportJobs = JobRegistry<ImportProgress, ImportOutcome>;

export interface ImportJobRequest {
  readonly source: ImportSource;
  readonly format?: string;
  readonly skipInvalid?: boolean;
  /** Called when the job has finished either way (the server deletes the uploaded temp file). */
  readonly release?: () => Promise<void>;
}

export function createImportJobs(onUnexpected?: (error: unknown) => void): ImportJobs {
  return createJobRegistry<ImportProgress, ImportOutcome>(onUnexpected ? { onUnexpected } : {});
}

function written(added: WriteCounts): number {
  return added.parties + added.locations + added.lots + added.events + added.links + added.documents;
}

/**
 * Queues one file's import as a job: the same `importFile` as the CLI (one transaction, the whole
 * file rejected with every bad record listed unless `skipInvalid`) with one audit record naming
 * the import and the file's hash in the same transaction. A failed import wrote nothing, so it
 * leaves no audit record.
 * Throws at once (nothing queued) when the format is unknown or cannot be detected.
 *
 * A supplier's file is first read without writing and checked against its party's scope
 * (`checkImportScope`): any record outside it refuses the whole file ("out-of-scope" issues naming
 * file, line or eventID, and field) before a write transaction opens. `skipInvalid` is refused for
 * suppliers, so a partly out-of-scope file can never be partly imported.
 */
export function submitImport(
  jobs: ImportJobs,
  store: Store,
  principal: Principal,
  request: ImportJobRequest,
): ImportJob {
  const { source } = request;
  // Checked before queueing, so an unknown or undetectable format is the upload's 4xx, not a failed job.
  const format = resolveImportFormat(source, request.format);
  const scope = scopeOf(principal);
  if (scope.kind === "party" && request.skipInvalid === true)
    throw new AppError(
      "forbidden",
      "suppliers import whole files only: skipInvalid is not available to them",
    );
  const total = source.size === undefined ? {} : { bytesTotal: source.size };
  const initial: ImportProgress = { bytesRead: 0, ...total, recordsRead: 0, recordsWritten: 0 };
  return jobs.submit(principal.userId, initial, async (report) => {
    let progress = initial;
    try {
      if (scope.kind === "party") {
        const checked = await checkImportScope(store, scope, source, format);
        if (checked.issues.length > 0)
          throw new AppError(
            "invalid-input",
            `${source.name}: refused, ${checked.issues.length} record(s) outside your party's scope (${scope.partyId}); nothing was imported`,
            { issues: checked.issues.slice(0, 1000) },
          );
      }
      const result = await importFile(store, source, {
        format,
        skipInvalid: request.skipInvalid === true,
        onProgress: (bytesRead) => {
          progress = { ...progress, bytesRead };
          report(progress);
        },
        onRecords: (recordsRead, added) => {
          progress = { ...progress, recordsRead, recordsWritten: written(added) };
          report(progress);
        },
        // Committed with the import itself: a crash leaves both or neither.
        audit: (log) =>
          importAuditEntry(principal, log, scope.kind === "party" ? { party: scope.partyId } : {}),
      });
      report({ ...progress, recordsRead: result.recordsRead, recordsWritten: written(result.added) });
      const { log, ...rest } = result;
      return { importId: log.id, ...rest };
    } finally {
      await request.release?.();
    }
  });
}
