import type { DocumentRefId, EventId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

/** CBV business-transaction types, plus anything a sender uses (kept as given). */
export type BizTransactionType =
  | "po"
  | "poc"
  | "inv"
  | "bol"
  | "desadv"
  | "prodorder"
  | "recadv"
  | "rma"
  | "cert"
  | "pedigree"
  | string;

/** A reference to a business document (purchase order, invoice, bill of lading…) and the event citing it. */
export interface DocumentRef {
  readonly typeName: "document-ref";
  readonly id: DocumentRefId;
  readonly type: BizTransactionType;
  readonly ref: string;
  readonly event?: EventId;
  readonly provenance: Provenance;
}
