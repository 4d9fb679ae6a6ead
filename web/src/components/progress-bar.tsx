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
