import { canonicalEpc, lotId, type SupplyEvent } from "../model/index.ts";
import { AppError } from "./errors.ts";

/** What `threadproof trace ID` resolved ID to: one lot, or the lots of a shipment. */
export interface TraceTarget {
  readonly id: string;
  readonly kind: "lot" | "shipment" | "event";
  readonly lots: readonly { readonly lot: string; readonly kg?: number }[];
}

const KIND_PRIORITY: Readonly<Record<string, number>> = { receive: 0, ship: 1 };

/** A business-transaction id matches as given (`urn:epcglobal:cbv:bt:…:BOL-1`) or by its last part (`BOL-1`). */
function citesTransaction(event: SupplyEvent, raw: string): boolean {
  return event.bizTransactions.some((b) => b.id === raw || b.id.endsWith(`:${raw}`));
}

function lotsOf(event: SupplyEvent): TraceTarget["lots"] {
  const lines = event.outputs.length > 0 ? event.outputs : event.quantities;
  const seen = new Map<string, number | undefined>();
  for (const line of lines) seen.set(line.lot, (seen.get(line.lot) ?? 0) + (line.kg ?? 0) || undefined);
  return [...seen].map(([lot, kg]) => (kg === undefined ? { lot } : { lot, kg }));
}

function shipmentTarget(raw: string, events: readonly SupplyEvent[]): TraceTarget | undefined {
  const citing = events.filter((e) => !e.retracted && citesTransaction(e, raw) && lotsOf(e).length > 0);
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
  const event = events.find((e) => e.id === raw || e.declaredId === raw);
  if (event && lotsOf(event).length > 0) return { id: raw, kind: "event", lots: lotsOf(event) };
  throw new AppError(
    "not-found",
    `"${raw}" is not a lot, a shipment's business-transaction id or an event id in this store`,
  );
}
