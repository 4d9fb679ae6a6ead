import cliProgress from "cli-progress";

export interface Progress {
  update(value: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** A progress bar on stderr for long work; none when stderr is not a terminal (CI, pipes, tests). */
export function startProgress(label: string, total: number | undefined): Progress {
  if (!process.stderr.isTTY || !total) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value_mb}/{total_mb} MB | {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const mb = (n: number) => (n / 1e6).toFixed(1);
  bar.start(total, 0, { value_mb: mb(0), total_mb: mb(total) });
  let last = 0;
  return {
    update(value: number) {
      // Redrawing on every chunk costs more than the parse on fast files; 1 % steps are enough.
      if (value - last < total / 100 && value < total) return;
      last = value;
      bar.update(value, { value_mb: mb(value) });
    },
    stop: () => bar.stop(),
  };
}
