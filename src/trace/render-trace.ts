import type { PathStep } from "./ancestry.ts";
import { percent } from "./check-origin-claim.ts";
import type { TraceFlag } from "./inputs.ts";
import type { LotRecall, LotTrace } from "./trace-lot.ts";

/** A readable rendering of a trace: summary, then every proving path as an indented tree. */
export function renderTrace(trace: LotTrace | LotRecall): string {
  return trace.direction === "up" ? renderUp(trace) : renderDown(trace);
}

function renderUp(t: LotTrace): string {
  const lines = [
    `Lot ${t.lot}${quantity(t.quantity)}`,
    `  Xinjiang share:        ${percent(t.xinjiangShare)}`,
    `  Unknown share:         ${percent(t.unknownShare)}`,
    `  Expected Xinjiang:     ${percent(t.expectedXinjiangShare)}${priorNote(t)}`,
    `  Worst-case Xinjiang:   ${percent(t.worstCaseXinjiangShare)}`,
    `  Listed entity in chain: ${t.listedEntityInChain ? "YES" : "no"}`,
  ];
  for (const listed of t.listedEntities) {
    lines.push(
      "",
      `Listed: ${listed.name} (${listed.listEntry}) at ${listed.location}`,
      ...tree(listed.path),
    );
  }
  lines.push("", "Origins:");
  const paths = t.origins.map((o) => ({ label: `${percent(o.share)} ${o.bucket}`, path: o.path }));
  lines.push(...mergedTree(paths));
  lines.push(...renderFlags(t.flags));
  return `${lines.join("\n")}\n`;
}

function renderDown(t: LotRecall): string {
  const lines = [`Lot ${t.lot}${quantity(t.quantity)} went into ${t.descendants.length} lot(s):`];
  const paths = t.descendants.map((d) => ({ label: `${percent(d.share)} of ${d.lot}`, path: d.path }));
  lines.push(...mergedTree(paths));
  lines.push(...renderFlags(t.flags));
  return `${lines.join("\n")}\n`;
}

function quantity(q: LotTrace["quantity"]): string {
  return q ? ` (${Number(q.value.toFixed(3))} ${q.unit})` : "";
}

function priorNote(t: LotTrace): string {
  const used = t.priors.filter((p) => p.prior !== null);
  if (used.length === 0) return "";
  return ` (prior ${used.map((p) => `${p.prior} for ${p.bucket}`).join(", ")})`;
}

function stepText(s: PathStep): string {
  if (!s.event) return `${s.lot} (no creating event: untraced)`;
  return `${s.lot} ← ${s.kind ?? "event"} ${s.event}${s.location ? ` at ${s.location}` : ""}`;
}

function tree(path: readonly PathStep[]): string[] {
  return path.map((s, depth) => `${"  ".repeat(depth + 1)}${stepText(s)}`);
}

/** Paths share their prefix (they all start at the traced lot), so print them as one tree. */
function mergedTree(paths: readonly { label: string; path: readonly PathStep[] }[]): string[] {
  const lines: string[] = [];
  let previous: readonly PathStep[] = [];
  for (const { label, path } of paths) {
    let common = 0;
    while (common < path.length - 1 && common < previous.length && sameStep(path[common], previous[common]))
      common++;
    path.forEach((s, depth) => {
      if (depth < common) return;
      const tail = depth === path.length - 1 ? `  [${label}]` : "";
      lines.push(`${"  ".repeat(depth + 1)}${stepText(s)}${tail}`);
    });
    previous = path;
  }
  return lines;
}

function sameStep(a: PathStep | undefined, b: PathStep | undefined): boolean {
  return a !== undefined && b !== undefined && a.lot === b.lot && a.event === b.event;
}

function renderFlags(flags: readonly TraceFlag[]): string[] {
  if (flags.length === 0) return [];
  return ["", `Flags (${flags.length}):`, ...flags.map((f) => `  [${f.code}] ${f.message}`)];
}
