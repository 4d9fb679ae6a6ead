import type { EventId, LocationId, LotId } from "./ids.ts";
import type { Provenance } from "./provenance.ts";

/** EPCIS 2.0 event types as GS1 names them. */
export type EpcisEventType =
  | "ObjectEvent"
  | "AggregationEvent"
  | "TransactionEvent"
  | "TransformationEvent"
  | "AssociationEvent";

/**
 * Our vocabulary. `origin`: a lot comes into being without inputs (commissioning ObjectEvent ADD,
 * or a TransformationEvent without inputs). `transform`: inputs become outputs. `ship`/`receive`:
 * custody moves. `aggregate`/`disaggregate`: packing. `destroy`: ObjectEvent DELETE.
 * `observe`: everything else (including TransactionEvent and AssociationEvent).
 */
export type EventKind =
  | "origin"
  | "transform"
  | "ship"
  | "receive"
  | "aggregate"
  | "disaggregate"
  | "destroy"
  | "observe";

export type EpcisAction = "ADD" | "OBSERVE" | "DELETE";

/** A quantity of a lot (EPC class). `kg` is set when the unit is a mass unit. */
export interface QuantityLine {
  readonly lot: LotId;
  readonly quantity?: number;
  /** UN/CEFACT Rec 20 code as given (KGM, TNE, LBR, H87…). */
  readonly uom?: string;
  readonly kg?: number;
}

/** A typed reference: business transaction, source or destination. */
export interface TypedRef {
  readonly type: string;
  readonly id: string;
}

export interface ErrorDeclaration {
  readonly declarationTime: string;
  readonly reason?: string;
  readonly correctiveEventIds: readonly string[];
}

export interface SupplyEvent {
  readonly typeName: "event";
  /** Canonical GS1 event hash ID (`ni:///sha-256;…?ver=CBV2.0`). */
  readonly id: EventId;
  /** The eventID the sender declared, if any (may equal `id`). */
  readonly declaredId?: string;
  readonly epcisType: EpcisEventType;
  readonly kind: EventKind;
  readonly action?: EpcisAction;
  /** ISO 8601 instant as given. */
  readonly eventTime: string;
  readonly eventTimeZoneOffset: string;
  readonly recordTime?: string;
  /** CBV short names where standard ("shipping"), the full URI otherwise. */
  readonly bizStep?: string;
  readonly disposition?: string;
  readonly readPoint?: LocationId;
  readonly bizLocation?: LocationId;
  /** Instance-level identifiers (epcList, childEPCs, parentID …), canonical EPC URNs. */
  readonly epcs: readonly string[];
  readonly parentId?: string;
  readonly inputEpcs: readonly string[];
  readonly outputEpcs: readonly string[];
  /** quantityList / childQuantityList. */
  readonly quantities: readonly QuantityLine[];
  readonly inputs: readonly QuantityLine[];
  readonly outputs: readonly QuantityLine[];
  readonly transformationId?: string;
  readonly bizTransactions: readonly TypedRef[];
  readonly sources: readonly TypedRef[];
  readonly destinations: readonly TypedRef[];
  /** Instance/lot master data, keys as compact JSON-LD names (`cbvmda:countryOfOrigin`). */
  readonly ilmd: Readonly<Record<string, unknown>>;
  /** Everything else the event carried (sensorElementList, certificationInfo, user extensions…), JSON-LD keys. */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly errorDeclaration?: ErrorDeclaration;
  /** True when an errorDeclaration retracted this event: kept on record, left out of computations. */
  readonly retracted: boolean;
  readonly provenance: Provenance;
}
