import type { DocumentRef, EventKind, Location, Lot, Party, SupplyEvent } from "../model/index.ts";
import type { DataScope } from "./principal.ts";

/** One page of a listing in id order: rows whose id sorts after `after` (bytewise), at most `limit`. */
export interface PageRequest {
  readonly after?: string;
  readonly limit: number;
}

export interface RecordFilter extends PageRequest {
  /** Case-insensitive substring of the name (parties: name; locations: name). */
  readonly q?: string;
  /** ISO 3166-1 alpha-2 (as stored). */
  readonly country?: string;
}

export interface EventFilter extends PageRequest {
  /** Events naming this lot (quantities, inputs, outputs). */
  readonly lot?: string;
  /** Events at this location (business location or read point). */
  readonly location?: string;
  readonly kind?: EventKind;
  readonly includeRetracted?: boolean;
}

export interface DocumentRefFilter extends PageRequest {
  /** Business-document references cited by this event. */
  readonly event?: string;
  /**
   * Only references with these ids (none when empty). With `event`, the ids that event cites: found
   * by the primary key, where `event` alone reads every reference in the store.
   */
  readonly ids?: readonly string[];
}

export type ScopedKind = "party" | "location" | "lot" | "event" | "document-ref";

/**
 * Reads limited to what a caller's DataScope allows, decided in SQL. For a supplier bound to party
 * P: P itself; the locations P operates (the location's operator, or an `operates`/`owns` link);
 * the lots and events at those locations (business location or read point); the business-document
 * references those events cite. A row outside the scope is never returned, so a route cannot leak
 * it by forgetting a check.
 */
export interface ScopedReads {
  scopedParties(scope: DataScope, filter: RecordFilter): Promise<readonly Party[]>;
  scopedLocations(scope: DataScope, filter: RecordFilter): Promise<readonly Location[]>;
  scopedLots(scope: DataScope, filter: PageRequest): Promise<readonly Lot[]>;
  scopedEvents(scope: DataScope, filter: EventFilter): Promise<readonly SupplyEvent[]>;
  scopedDocumentRefs(scope: DataScope, filter: DocumentRefFilter): Promise<readonly DocumentRef[]>;
  /** Whether the record exists and the scope may see it. */
  inScope(scope: DataScope, kind: ScopedKind, id: string): Promise<boolean>;
}
