import type { LinkId, LocationId, PartyId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

/** Relationships are records of their own, with dates and provenance (FtM's Ownership). */
export type LinkKind = "owns" | "operates" | "supplies";

export interface Link {
  readonly typeName: "link";
  readonly id: LinkId;
  readonly kind: LinkKind;
  readonly from: PartyId;
  readonly to: PartyId | LocationId;
  /** Ownership share, 0–1, when known. */
  readonly share?: number;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly provenance: Provenance;
}
