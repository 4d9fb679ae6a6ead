import type { ImportJob } from "../api-types.ts";

/** A labelled progress bar; an unknown fraction shows as indeterminate. */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | undefined }) {
  const percent = fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        {label}
        {percent !== undefined && <span> {percent} %</span>}
      </div>
      <progress max={100} value={percent} aria-label={label} />
    </div>
  );
}

/**
 * An import's two phases: the upload (fraction of bytes sent), then the server's job (records read,
 * fraction of the file parsed) until it succeeds. Shown only while `busy`.
 */
export function ImportProgress(props: {
  busy: boolean;
  sent: number | undefined;
  job: ImportJob | undefined;
  /** What the job phase is called: "Importing", "Checking and importing". */
  verb: string;
}) {
  const { busy, sent, job, verb } = props;
  if (!busy) return null;
  if (sent !== undefined && sent < 1) return <ProgressBar label="Uploading" fraction={sent} />;
  if (!job || job.status === "succeeded") return null;
  const { recordsRead, bytesRead, bytesTotal } = job.progress;
  return (
    <ProgressBar
      label={`${verb}: ${recordsRead.toLocaleString("en")} records read`}
      fraction={bytesTotal ? bytesRead / bytesTotal : undefined}
    />
  );
}
