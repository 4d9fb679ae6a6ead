import { type LotRecall, type LotTrace, type TraceFlag, traceLot } from "../trace/index.ts";
import { AppError } from "./errors.ts";
import type { Store } from "./store.ts";
import { loadTraceContext, type TraceContext } from "./trace-context.ts";
import { resolveTraceTarget, type TraceTarget } from "./trace-target.ts";

/** A trace of what ID named; for a shipment of several lots, their mass-weighted combination. */
export type TraceResult =
  | (LotTrace & { readonly target: TraceTarget })
  | (LotRecall & { readonly target: TraceTarget });

function weights(target: TraceTarget): number[] {
  const kgs = target.lots.map((l) => l.kg ?? 0);
  const total = kgs.reduce((a, b) => a + b, 0);
  return total > 0 ? kgs.map((k) => k / total) : target.lots.map(() => 1 / target.lots.length);
}

function uniqueFlags(flags: readonly TraceFlag[]): TraceFlag[] {
  const seen = new Map<string, TraceFlag>();
  for (const f of flags) seen.set(`${f.code}|${f.lot ?? ""}|${f.location ?? ""}|${f.event ?? ""}`, f);
  return [...seen.values()];
}

function weighted(traces: readonly LotTrace[], w: readonly number[], pick: (t: LotTrace) => number): number {
  return traces.reduce((sum, t, i) => sum + pick(t) * (w[i] ?? 0), 0);
}

/** Shares of a shipment are the lots' shares weighted by the mass each lot contributes to it. */
function combine(target: TraceTarget, traces: readonly LotTrace[]): LotTrace {
  const w = weights(target);
  const listed = new Map(
    traces.flatMap((t) => t.listedEntities).map((e) => [`${e.listEntry}|${e.location}`, e]),
  );
  const totalKg = target.lots.reduce((a, l) => a + (l.kg ?? 0), 0);
  return {
    direction: "up",
    lot: target.id,
    quantity: totalKg > 0 ? { value: totalKg, unit: "KGM" } : (traces[0]?.quantity ?? null),
    xinjiangShare: weighted(traces, w, (t) => t.xinjiangShare),
    unknownShare: weighted(traces, w, (t) => t.unknownShare),
    expectedXinjiangShare: weighted(traces, w, (t) => t.expectedXinjiangShare),
    worstCaseXinjiangShare: weighted(traces, w, (t) => t.worstCaseXinjiangShare),
    listedEntityInChain: traces.some((t) => t.listedEntityInChain),
    listedEntities: [...listed.values()],
    origins: traces.flatMap((t, i) => t.origins.map((o) => ({ ...o, share: o.share * (w[i] ?? 0) }))),
    priors: traces.flatMap((t, i) => t.priors.map((p) => ({ ...p, share: p.share * (w[i] ?? 0) }))),
    flags: uniqueFlags(traces.flatMap((t) => t.flags)),
  };
}

function traceOne(ctx: TraceContext, lot: string, direction: "up" | "down"): LotTrace | LotRecall {
  const result = traceLot(ctx.graph, ctx.composition, lot, { listedHits: ctx.listedHits, direction });
  if (!result) throw new AppError("not-found", `lot ${lot} is not in the store's event graph`);
  return result;
}

export function traceWithContext(
  ctx: TraceContext,
  id: string,
  direction: "up" | "down" = "up",
): TraceResult {
  const hasLot = (lot: string) => ctx.graph.lotIndex.has(lot);
  const target = resolveTraceTarget(id, hasLot, ctx.events);
  if (direction === "down" || target.lots.length === 1) {
    const first = target.lots[0];
    if (!first) throw new AppError("not-found", `${id} names no lot`);
    return { ...traceOne(ctx, first.lot, direction), target };
  }
  const traces = target.lots.map((l) => traceOne(ctx, l.lot, "up") as LotTrace);
  return { ...combine(target, traces), target };
}

export async function traceInStore(
  store: Store,
  id: string,
  direction: "up" | "down" = "up",
): Promise<TraceResult> {
  return traceWithContext(await loadTraceContext(store), id, direction);
}
