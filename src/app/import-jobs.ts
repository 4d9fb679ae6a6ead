import type { Issue } from "../model/index.ts";
import { appendAudit } from "./audit-trail-append.ts";
import { type ImportSource, importFile, resolveImportFormat } from "./import-file.ts";
import { createJobRegistry, type Job, type JobRegistry } from "./job-registry.ts";
import type { Principal } from "./principal.ts";
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
 * file rejected with every bad record listed unless `skipInvalid`), then one audit record naming
 * the import and the file's hash. A failed import wrote nothing, so it leaves no audit record.
 * Throws at once (nothing queued) when the format is unknown or cannot be detected.
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
  const total = source.size === undefined ? {} : { bytesTotal: source.size };
  const initial: ImportProgress = { bytesRead: 0, ...total, recordsRead: 0, recordsWritten: 0 };
  return jobs.submit(principal.userId, initial, async (report) => {
    let progress = initial;
    try {
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
      });
      report({ ...progress, recordsRead: result.recordsRead, recordsWritten: written(result.added) });
      const { log, ...rest } = result;
      await appendAudit(store, principal, "import", `import:${log.id}`, {
        after: { sha256: result.sha256, added: result.added },
        detail: { source: source.name, format: result.format, sha256: result.sha256, added: result.added },
      });
      return { importId: log.id, ...rest };
    } finally {
      await request.release?.();
    }
  });
}
