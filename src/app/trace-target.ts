import { canonicalEpc, lotId, type SupplyEvent } from "../model/index.ts";
import { AppError } from "./errors.ts";

/** What `threadproof trace ID` resolved ID to: one lot, or the lots of a shipment. */
export interface TraceTarget {
  readonly id: string;
  readonly kind: "lot" | "shipment" | "event";
  readonly lots: readonly { readonly lot: string; readonly kg?: number }[];
}

const KIND_PRIORITY: Readonly<Record<string, number>> = { receive: 0, ship: 1 };

/**
 * The names a business-transaction id answers to: itself (`urn:epcglobal:cbv:bt:…:BOL-1`) and
 * every part after one of its colons (`BOL-1`, `…:BOL-1`).
 */
function transactionNames(id: string): string[] {
  const names = [id];
  for (let i = id.indexOf(":"); i >= 0; i = id.indexOf(":", i + 1)) names.push(id.slice(i + 1));
  return names;
}

interface EventIndex {
  /** Events citing a transaction, by each name it answers to, in store order. */
  readonly byTransaction: Map<string, SupplyEvent[]>;
  /** The first event with this id or declared id. */
  readonly byId: Map<string, SupplyEvent>;
}

// One index per event list (a trace context's, built once): resolving every import shipment of a
// 100 k-event store scanned all events per shipment, 110 ms each, eight minutes in all.
const indexes = new WeakMap<readonly SupplyEvent[], EventIndex>();

function indexOf(events: readonly SupplyEvent[]): EventIndex {
  const known = indexes.get(events);
  if (known) return known;
  const byTransaction = new Map<string, SupplyEvent[]>();
  const byId = new Map<string, SupplyEvent>();
  for (const e of events) {
    const names = new Set(e.bizTransactions.flatMap((b) => transactionNames(b.id)));
    for (const name of names) {
      const list = byTransaction.get(name);
      if (list) list.push(e);
      else byTransaction.set(name, [e]);
    }
    if (!byId.has(e.id)) byId.set(e.id, e);
    if (e.declaredId !== undefined && !byId.has(e.declaredId)) byId.set(e.declaredId, e);
  }
  const index = { byTransaction, byId };
  indexes.set(events, index);
  return index;
}

function lotsOf(event: SupplyEvent): TraceTarget["lots"] {
  const lines = event.outputs.length > 0 ? event.outputs : event.quantities;
  const seen = new Map<string, number | undefined>();
  for (const line of lines) seen.set(line.lot, (seen.get(line.lot) ?? 0) + (line.kg ?? 0) || undefined);
  return [...seen].map(([lot, kg]) => (kg === undefined ? { lot } : { lot, kg }));
}

function shipmentTarget(raw: string, events: readonly SupplyEvent[]): TraceTarget | undefined {
  const cited = indexOf(events).byTransaction.get(raw) ?? [];
  const citing = cited.filter((e) => !e.retracted && lotsOf(e).length > 0);
  if (citing.length === 0) return undefined;
  // The import's receiving event states what arrived; the shipping event what left, if no receipt.
  const best = [...citing].sort((a, b) => (KIND_PRIORITY[a.kind] ?? 9) - (KIND_PRIORITY[b.kind] ?? 9))[0];
  return best ? { id: raw, kind: "shipment", lots: lotsOf(best) } : undefined;
}

function lotCandidates(raw: string): string[] {
  const out = [raw];
  const epc = canonicalEpc(raw);
  if (epc) out.unshift(epc);
  try {
    out.push(lotId(raw));
  } catch {
    // Not usable as an internal lot id (e.g. contains spaces): the other readings remain.
  }
  return out;
}

/**
 * Resolves a lot (EPC class, Digital Link or internal id), a shipment's business-transaction id
 * (bill of lading, invoice…) or an event id to the lots to trace.
 */
export function resolveTraceTarget(
  raw: string,
  hasLot: (lot: string) => boolean,
  events: readonly SupplyEvent[],
): TraceTarget {
  const lot = lotCandidates(raw).find(hasLot);
  if (lot) return { id: lot, kind: "lot", lots: [{ lot }] };
  const shipment = shipmentTarget(raw, events);
  if (shipment) return shipment;
  const event = indexOf(events).byId.get(raw);
  if (event && lotsOf(event).length > 0) return { id: raw, kind: "event", lots: lotsOf(event) };
  throw new AppError(
    "not-found",
    `"${raw}" is not a lot, a shipment's business-transaction id or an event id in this store`,
  );
}
