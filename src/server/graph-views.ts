import type { z } from "zod";
import type { BalanceQuerySchema, ShipmentListQuerySchema } from "../api/index.ts";
import {
  balanceFromModel,
  overview,
  type ReadModel,
  type Store,
  traceFromModel,
  verdictCounts,
} from "../app/index.ts";
import { wire } from "./wire.ts";

/**
 * The answers computed from the trace graph: a lot's trace, the shipments table, the mass balance
 * and the dashboard. `serve` computes them in the trace worker, next to its one copy of the graph;
 * in-process apps compute them from their read model. Either way the route gets JSON text.
 */
export type GraphView =
  | { readonly kind: "trace"; readonly lot: string; readonly direction: "up" | "down" }
  | ({ readonly kind: "shipments" } & Readonly<z.infer<typeof ShipmentListQuerySchema>>)
  | ({ readonly kind: "balance" } & Readonly<z.infer<typeof BalanceQuerySchema>>)
  | { readonly kind: "stats" };

/** The answer's value, as the routes used to build it in the request thread. */
export async function graphViewValue(store: Store, model: ReadModel, view: GraphView): Promise<unknown> {
  switch (view.kind) {
    case "trace":
      return wire(await traceFromModel(model, view.lot, view.direction));
    case "shipments": {
      const { verdict, atRisk } = view;
      const all = await model.assessments();
      const items = all.filter(
        (a) =>
          (verdict === undefined || a.verdict === verdict) &&
          (atRisk === undefined || (a.verdict !== "admissible") === (atRisk === "true")),
      );
      return wire({ items, counts: verdictCounts(all) });
    }
    case "balance": {
      const { period, status, location } = view;
      const result = await balanceFromModel(model, period);
      const locations = result.locations.filter(
        (l) =>
          (status === undefined || l.status === status) &&
          (location === undefined || l.location === location),
      );
      return wire({ locations });
    }
    case "stats":
      return wire(await overview(store, model));
  }
}

/** A view's cache key: its fields in a fixed order (absent options left out). */
export function keyOf(view: GraphView): string {
  return JSON.stringify(Object.entries(view).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export interface GraphViewCacheOptions {
  /** Bytes of JSON text kept (oldest answers dropped first); default 64 MiB. */
  readonly maxBytes?: number;
}

/**
 * JSON text of each view, kept while the graph it was computed from is current: a repeated trace
 * or table is a lookup, not a recomputation and a second serialisation. The dashboard (`stats`)
 * is not kept: it counts records (documents, users) that change without a new graph.
 */
export function graphViewCache(
  store: Store,
  model: ReadModel,
  options: GraphViewCacheOptions = {},
): (view: GraphView) => Promise<string> {
  const kept = textCache(options.maxBytes ?? 64 * 1024 * 1024);
  let graph: unknown;
  return async (view) => {
    // The read model hands out a new graph after an import or decision: the old answers go.
    const current = await model.traceContext();
    if (current !== graph) {
      graph = current;
      kept.clear();
    }
    if (view.kind === "stats") return JSON.stringify(await graphViewValue(store, model, view));
    const key = keyOf(view);
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const text = JSON.stringify(await graphViewValue(store, model, view));
    // Not kept when a rebuild happened meanwhile: the text belongs to the old graph.
    if (current === graph) kept.set(key, text);
    return text;
  };
}

/** Strings by key up to `maxBytes` (UTF-16 length), the oldest dropped first. */
export function textCache(maxBytes: number) {
  const kept = new Map<string, string>();
  let bytes = 0;
  return {
    get: (key: string) => kept.get(key),
    clear() {
      kept.clear();
      bytes = 0;
    },
    set(key: string, text: string) {
      if (text.length > maxBytes || kept.has(key)) return;
      kept.set(key, text);
      bytes += text.length;
      for (const [oldest, value] of kept) {
        if (bytes <= maxBytes) break;
        kept.delete(oldest);
        bytes -= value.length;
      }
    },
  };
}
