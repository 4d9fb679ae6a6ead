import { compareText } from "./compare-text.ts";
import type {
  ExecutiveSummary,
  FlagRow,
  ScreeningRow,
  SummaryFigures,
  VerdictKind,
} from "./evidence-package.ts";
import { formatShare } from "./format-figure.ts";
import type { ListedEntityInput, OriginInput, TraceResultInput } from "./package-input.ts";

export interface SummaryContext {
  readonly traces: readonly TraceResultInput[];
  readonly flags: readonly FlagRow[];
  readonly screening: readonly ScreeningRow[];
  readonly missingDocuments: number;
}

/** The plain-language answer and the verdict in UFLPA terms. */
export function summariseShipment(context: SummaryContext): ExecutiveSummary {
  const figures = combineTraces(context);
  const sentences = answerSentences(figures);
  return {
    headline: sentences.join("; "),
    sentences,
    figures,
    verdict: judge(figures, context),
  };
}

/** Lots of one shipment are weighed by quantity when they share a unit, else counted equally. */
function combineTraces(context: SummaryContext): SummaryFigures {
  const { traces } = context;
  const sameUnit = traces.every((t) => t.quantity.unit === traces[0]?.quantity.unit);
  const weights = traces.map((t) => (sameUnit ? t.quantity.value : 1));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const mean = (pick: (t: TraceResultInput) => number): number =>
    traces.reduce((sum, t, i) => sum + pick(t) * (weights[i] ?? 0), 0) / total;
  const priors = uniqueBy(
    traces.flatMap((t) => (t.prior && t.unknownShare > 0 ? [t.prior] : [])),
    (p) => `${p.value}|${p.basis}`,
  );
  return {
    xinjiangShare: mean((t) => t.xinjiangShare),
    unknownShare: mean((t) => t.unknownShare),
    expectedXinjiangShare: mean((t) => t.expectedXinjiangShare),
    priors,
    worstCaseXinjiangShare: mean((t) => t.worstCaseXinjiangShare),
    listedEntityInChain: traces.some((t) => t.listedEntityInChain),
    listedEntities: uniqueBy(
      traces.flatMap((t) => t.listedEntities),
      (e: ListedEntityInput) => `${e.name}|${e.location}`,
    ),
    origins: traces.flatMap((t) => t.origins).toSorted(compareOrigins),
    openFlags: context.flags.length,
    missingDocuments: context.missingDocuments,
  };
}

function answerSentences(f: SummaryFigures): string[] {
  const out: string[] = [];
  out.push(
    f.xinjiangShare > 0
      ? `${formatShare(f.xinjiangShare)} of the cotton is traced to Xinjiang`
      : "No Xinjiang input traced",
  );
  out.push(
    f.unknownShare > 0
      ? `${formatShare(f.unknownShare)} of the cotton cannot be traced`
      : "all of the cotton is traced to its origin",
  );
  if (f.unknownShare > 0) {
    const prior = f.priors.map((p) => `a ${p.value} prior for ${p.basis}`).join(" and ");
    out.push(
      `expected Xinjiang share ${formatShare(f.expectedXinjiangShare)}${prior ? ` under ${prior}` : ""}`,
    );
    out.push(`worst case ${formatShare(f.worstCaseXinjiangShare)}`);
  }
  out.push(
    f.listedEntityInChain
      ? `${count(f.listedEntities.length, "listed entity", "listed entities")} in the chain (${f.listedEntities.map((e) => e.name).join(", ")})`
      : "no listed entity in the chain",
  );
  out.push(f.openFlags > 0 ? `${count(f.openFlags, "open flag", "open flags")}` : "no open flags");
  if (f.missingDocuments > 0)
    out.push(`${count(f.missingDocuments, "required document", "required documents")} missing`);
  return out.map((s, i) => (i === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1)));
}

function judge(f: SummaryFigures, context: SummaryContext): ExecutiveSummary["verdict"] {
  const failing: string[] = [];
  if (f.xinjiangShare > 0)
    failing.push(
      `${formatShare(f.xinjiangShare)} of the cotton is of Xinjiang origin (region-wide WRO and UFLPA presumption; no de minimis)`,
    );
  for (const e of f.listedEntities)
    failing.push(
      `${e.name} (${e.listEntry}) handled the goods: a listed entity anywhere in the chain defeats origin evidence`,
    );
  for (const flag of context.flags.filter((x) => x.code === "origin-claim-contradicted"))
    failing.push(`false origin claim: ${flag.message}`);
  if (failing.length > 0) return verdict("fails", failing);
  const weak: string[] = [];
  if (f.unknownShare > 0)
    weak.push(
      `${formatShare(f.unknownShare)} of the cotton is untraced (worst case ${formatShare(f.worstCaseXinjiangShare)} Xinjiang)`,
    );
  if (f.missingDocuments > 0)
    weak.push(`${count(f.missingDocuments, "required document is", "required documents are")} missing`);
  const open = context.screening.filter((s) => s.status === "open").length;
  if (open > 0) weak.push(`${count(open, "screening hit is", "screening hits are")} not yet reviewed`);
  const errors = context.flags.filter((x) => x.severity === "error").length;
  if (errors > 0) weak.push(`${count(errors, "flag", "flags")} of severity error`);
  return verdict(weak.length > 0 ? "at-risk" : "likely-to-succeed", weak);
}

const VERDICT_TITLES: Readonly<Record<VerdictKind, string>> = {
  "likely-to-succeed":
    "Applicability review likely to succeed: no Xinjiang input and no listed entity in the chain, fully documented",
  "at-risk":
    "Applicability review at risk: no Xinjiang input or listed entity found, but the evidence has gaps",
  fails:
    "Applicability review fails: the goods are subject to the UFLPA presumption; only the exception route (clear and convincing evidence) remains",
};

function verdict(kind: VerdictKind, reasons: readonly string[]): ExecutiveSummary["verdict"] {
  return { kind, title: VERDICT_TITLES[kind], reasons };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function compareOrigins(a: OriginInput, b: OriginInput): number {
  return b.share - a.share || compareText(a.lot, b.lot) || compareText(a.location, b.location);
}
