import { ApiError, getJson } from "./api-client.ts";
import type { ImportJob } from "./api-types.ts";

/** Polls an import job until it ends; resolves with the finished job. */
export async function waitForJob(id: string, onUpdate: (job: ImportJob) => void): Promise<ImportJob> {
  for (;;) {
    const job = await getJson<ImportJob>(`/api/imports/${encodeURIComponent(id)}`);
    onUpdate(job);
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** The job's failure as an error the ErrorPanel lists issue by issue (line or eventID, field, message). */
export function importJobError(job: ImportJob): ApiError | undefined {
  if (job.status !== "failed" || !job.error) return undefined;
  const issues = job.error.issues.map((i) => ({
    message: i.message,
    field: i.path,
    provenance: i.provenance,
  }));
  return new ApiError(400, job.error.code, job.error.message, issues);
}
