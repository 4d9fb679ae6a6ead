import type { Identifier } from "./identifier.ts";
import type { PartyId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

/** A company or organisation. Names in any script; the first is the primary name. */
export interface Party {
  readonly typeName: "party";
  readonly id: PartyId;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly identifiers: readonly Identifier[];
  readonly country?: string;
  readonly address?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly provenance: Provenance;
  /** Other sources that added facts to this record after the first (see `mergeLocation`/`mergeParty`). */
  readonly mergedFrom?: readonly Provenance[];
}
