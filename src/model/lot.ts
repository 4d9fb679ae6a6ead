import type { LotId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

/** A batch of goods of one product class (an LGTIN, or an internal lot number). */
export interface Lot {
  readonly typeName: "lot";
  readonly id: LotId;
  readonly product?: string;
  /** The unit its quantities are usually given in (KGM, H87…), when known. */
  readonly unit?: string;
  readonly provenance: Provenance;
}
