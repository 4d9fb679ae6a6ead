import type { Facility } from "./facility.ts";

export type Product = "seed cotton" | "cotton lint" | "yarn" | "greige fabric" | "garments";

/** GS1 item reference per product: one GTIN per product and producing company. */
export const ITEM_REFERENCE: Readonly<Record<Product, string>> = {
  "seed cotton": "10001",
  "cotton lint": "10002",
  yarn: "20001",
  "greige fabric": "30001",
  garments: "40001",
};

/** A quantity of a lot in kilograms, as stated on the event (already rounded to 0.1 kg). */
export interface LotLine {
  readonly lot: string;
  readonly kg: number;
}

export interface DocumentNumbers {
  readonly po?: string;
  readonly inv?: string;
  readonly bol?: string;
  readonly prodorder?: string;
}

export interface ErrorDeclarationSpec {
  readonly declarationTime: number;
  readonly reason: string;
  readonly correctiveEventIds: readonly string[];
}

interface EventBase {
  /** `urn:uuid:…`, declared in the EPCIS eventID and used as the CSV event_ref. */
  readonly id: string;
  /** Epoch milliseconds. */
  readonly time: number;
  readonly facility: Facility;
  readonly docs: DocumentNumbers;
  readonly errorDeclaration?: ErrorDeclarationSpec;
}

/** The generator's own event form; serialised to EPCIS JSON-LD or to movements.csv rows. */
export type ChainEvent =
  | (EventBase & {
      readonly kind: "origin";
      readonly output: LotLine;
      readonly product: Product;
      readonly claim: string;
    })
  | (EventBase & {
      readonly kind: "transform";
      readonly bizStep: "commissioning" | "repackaging";
      readonly inputs: readonly LotLine[];
      readonly outputs: readonly LotLine[];
      readonly inputProduct: Product;
      readonly outputProduct: Product;
      readonly claim?: string;
      /** Piece count of garment outputs, as an extension field: mass stays the quantity. */
      readonly pieces?: number;
    })
  | (EventBase & {
      readonly kind: "ship";
      readonly lines: readonly LotLine[];
      readonly product: Product;
      readonly to: Facility;
    })
  | (EventBase & {
      readonly kind: "receive";
      readonly lines: readonly LotLine[];
      readonly product: Product;
      readonly from: Facility;
    });

/** The sort key inside a cluster: a retraction copy sits at its declaration time, after the original. */
export function eventOrderTime(event: ChainEvent): number {
  return event.errorDeclaration ? event.errorDeclaration.declarationTime : event.time;
}
