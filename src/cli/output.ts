import { type AppError, isAppError } from "../app/index.ts";
import { formatIssue } from "../model/index.ts";

/**
 * The CLI's output port: results on stdout (JSON with --json, text otherwise), diagnostics and
 * progress on stderr, so `threadproof … --json | jq` always gets clean JSON.
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(text = ""): void {
  process.stdout.write(`${text}\n`);
}

export function printNote(text: string): void {
  process.stderr.write(`${text}\n`);
}

function errorJson(e: AppError): unknown {
  return { error: { code: e.code, message: e.message, issues: e.issues.length > 0 ? e.issues : undefined } };
}

export function printError(e: unknown, json: boolean): void {
  if (isAppError(e)) {
    if (json) {
      process.stdout.write(`${JSON.stringify(errorJson(e), null, 2)}\n`);
    }
    process.stderr.write(`threadproof: ${e.message}\n`);
    for (const i of e.issues) process.stderr.write(`  ${formatIssue(i)}\n`);
    return;
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: "internal", message: String(e) } })}\n`);
  process.stderr.write(`threadproof: internal error (please report it): ${detail}\n`);
}

/** A fixed-width text table for summaries. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * `threadproof … | head` closes stdout early; like other Unix tools we stop quietly then,
 * rather than dying with an EPIPE stack trace.
 */
export function stopQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(process.exitCode ?? 0);
  });
}
