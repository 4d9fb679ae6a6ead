import { compareText } from "./compare-text.ts";
import type { FlagRow, ScreeningRow } from "./evidence-package.ts";
import type { PackageInput } from "./package-input.ts";

/** Codes that by themselves defeat or seriously weaken an applicability review. */
const ERROR_CODES = new Set([
  "listed-entity-in-chain",
  "origin-claim-contradicted",
  "mass-balance-exceeded",
  "xinjiang-origin",
]);

/**
 * Every open flag: the traces' flags, mass-balance violations the traces did not already report,
 * listed entities, and screening hits nobody has reviewed. Deduplicated and sorted (errors first).
 */
export function collectFlags(input: PackageInput, screening: readonly ScreeningRow[]): FlagRow[] {
  const flags: FlagRow[] = [];
  for (const trace of input.traces) {
    for (const f of trace.flags) flags.push(flag(f.code, f.location ?? f.lot ?? null, f.message));
    for (const e of trace.listedEntities)
      flags.push(flag("listed-entity-in-chain", e.location, `${e.name} is on ${e.listEntry}`));
  }
  for (const m of input.massBalance.filter((x) => x.status === "exceeded")) {
    const already = flags.some((f) => f.code === "mass-balance-exceeded" && f.subject === m.location);
    if (!already)
      flags.push(
        flag("mass-balance-exceeded", m.location, `${m.name}: output exceeds what its inputs can explain`),
      );
  }
  for (const row of screening)
    for (const hit of row.hits.filter((h) => h.status === "open"))
      flags.push(
        flag(
          "screening-hit-open",
          row.subject.id,
          `${row.subject.name} matches ${hit.entity} (${hit.list}) with score ${hit.score.toFixed(2)}; not yet reviewed`,
        ),
      );
  return dedupe(flags).toSorted(
    (a, b) =>
      Number(b.severity === "error") - Number(a.severity === "error") ||
      compareText(a.code, b.code) ||
      compareText(a.subject ?? "", b.subject ?? "") ||
      compareText(a.message, b.message),
  );
}

function flag(code: string, subject: string | null, message: string): FlagRow {
  return { code, severity: ERROR_CODES.has(code) ? "error" : "warning", subject, message };
}

function dedupe(flags: readonly FlagRow[]): FlagRow[] {
  const seen = new Map<string, FlagRow>();
  for (const f of flags) seen.set(`${f.code}\u0000${f.subject ?? ""}\u0000${f.message}`, f);
  return [...seen.values()];
}
