import { type FormEvent, useRef, useState } from "react";
import { upload } from "../api-client.ts";
import type { ImportJob, ImportLog } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { ImportProgress } from "../components/progress-bar.tsx";
import { importJobError, waitForJob } from "../import-jobs.ts";
import { Pager, pageSizeOf } from "../paging.tsx";
import { useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

const FORMATS = [
  "",
  "epcis-json",
  "epcis-xml",
  "facilities-csv",
  "movements-csv",
  "osh-csv",
  "ftm-json",
  "xlsx",
];

function addedText(added: Readonly<Record<string, number>>): string {
  const parts = Object.entries(added)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n.toLocaleString("en")} ${k}`);
  return parts.length ? parts.join(", ") : "nothing new (already imported)";
}

/** Upload a file: the bytes go up with a progress bar, then the import job reports records as it reads them. */
export function ImportForm({ onDone }: { onDone?: () => void }) {
  const [sent, setSent] = useState<number | undefined>();
  const [job, setJob] = useState<ImportJob | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const params = new URLSearchParams({ name: file.name });
    const format = String(data.get("format") ?? "");
    if (format) params.set("format", format);
    if (data.get("skipInvalid")) params.set("skipInvalid", "true");
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    setSent(0);
    upload<ImportJob>(`/api/imports?${params}`, file, setSent)
      .then((started) => {
        setJob(started);
        return waitForJob(started.id, setJob);
      })
      .then((finished) => {
        const failed = importJobError(finished);
        if (failed) setError(failed);
        onDone?.();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <form className="panel upload-form" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a file</h2>
      <p className="muted small">
        EPCIS 2.0 (JSON-LD or XML), the CSV templates, an XLSX workbook, an Open Supply Hub list or
        FollowTheMoney JSON lines. A file with any invalid record is rejected whole and nothing is saved,
        unless you choose to skip invalid records.
      </p>
      <div className="field">
        <label htmlFor="import-file">File</label>
        <input id="import-file" name="file" type="file" ref={fileRef} required />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" name="format" defaultValue="">
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f || "detect from content"}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="skipInvalid" /> Import valid records, list the invalid ones
        </label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Upload and import"}
      </button>
      <div aria-live="polite">
        <ImportProgress busy={busy} sent={sent} job={job} verb="Importing" />
        {job?.status === "succeeded" && job.result && (
          <div className="success" role="status">
            <strong>Imported {job.result.source}</strong> ({job.result.format}): {addedText(job.result.added)}
            .{job.result.skipped.length > 0 && ` ${job.result.skipped.length} invalid records skipped:`}
            {job.result.skipped.length > 0 && (
              <ul className="issue-list">
                {job.result.skipped.slice(0, 100).map((i) => (
                  <li key={`${i.provenance.locator}|${i.path}|${i.message}`}>
                    <span className="issue-where">{i.provenance.locator}</span>
                    <span className="issue-where">{i.path}</span>
                    {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <ErrorPanel error={error} title="The file was not imported" />
    </form>
  );
}

export function ImportsPage() {
  const { query } = useLocation();
  const log = useResource<ImportLog>("/api/imports");
  const reload = log.reload;
  // The import log is one row per file and comes whole: paged here, newest first.
  const size = pageSizeOf(query, 50);
  const [page, setPage] = useState(0);
  const newest = [...(log.data?.imports ?? [])].reverse();
  const shown = newest.slice(page * size, (page + 1) * size);
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">Imports</h1>
      <ImportForm onDone={reload} />
      <h2>Imported files</h2>
      <ErrorPanel error={log.error} title="Could not load the import log" />
      <Pager
        label="Imported files"
        page={page + 1}
        hasPrevious={page > 0}
        hasNext={(page + 1) * size < newest.length}
        onPrevious={() => setPage((p) => p - 1)}
        onNext={() => setPage((p) => p + 1)}
      />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Finished</th>
              <th scope="col">Added</th>
              <th scope="col" className="num">
                Skipped
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.source}</th>
                <td>{i.format}</td>
                <td>{i.finishedAt.slice(0, 16).replace("T", " ")}</td>
                <td className="small">{addedText(i.added)}</td>
                <td className="num">{i.skippedIssues}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
