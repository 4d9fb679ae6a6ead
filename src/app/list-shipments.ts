import type { SupplyEvent } from "../model/index.ts";
import type { TraceContext } from "./trace-context.ts";

/** An import shipment: goods received under a bill of lading (or air waybill). */
export interface Shipment {
  /** The bill of lading number as printed (`BOL-MAEU-5501`), without the issuer's URN prefix. */
  readonly id: string;
  readonly bizTransaction: string;
  readonly receivedAt: string;
  readonly location?: string;
  readonly event: string;
}

const TRANSPORT_DOCUMENTS = new Set(["bol", "awb"]);

/** `urn:epcglobal:cbv:bt:0614141000005:BOL-1` → `BOL-1`; anything else as given. */
export function shortTransactionId(id: string): string {
  return id.startsWith("urn:epcglobal:cbv:bt:") ? (id.split(":").at(-1) ?? id) : id;
}

function transportDocument(e: SupplyEvent): string | undefined {
  return e.bizTransactions.find((b) => TRANSPORT_DOCUMENTS.has(b.type))?.id;
}

function isImporter(ctx: TraceContext, location: string | undefined): boolean {
  const l = location === undefined ? undefined : ctx.locations.get(location);
  return /import/i.test(`${l?.processingType ?? ""} ${l?.facilityType ?? ""}`);
}

/**
 * Import shipments: receipts under a bill of lading or air waybill at a location whose processing
 * or facility type says it imports, oldest first, once per document. When no location says so
 * (data without processing types), every such receipt counts: better too many than a missed one.
 */
export function listShipments(ctx: TraceContext): Shipment[] {
  const all = receiptsUnderTransportDocument(ctx);
  const imports = all.filter((s) => isImporter(ctx, s.location));
  return imports.length > 0 ? imports : all;
}

function receiptsUnderTransportDocument(ctx: TraceContext): Shipment[] {
  const byDocument = new Map<string, Shipment>();
  for (const e of ctx.events) {
    if (e.retracted || e.kind !== "receive") continue;
    const doc = transportDocument(e);
    if (!doc || byDocument.has(doc)) continue;
    byDocument.set(doc, {
      id: shortTransactionId(doc),
      bizTransaction: doc,
      receivedAt: e.eventTime,
      ...(e.bizLocation === undefined ? {} : { location: e.bizLocation }),
      event: e.id,
    });
  }
  return [...byDocument.values()].sort(
    (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
  );
}
