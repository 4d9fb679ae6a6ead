export type { CbpCategory } from "./cbp-category.ts";
export { CBP_CATEGORIES, CBP_CATEGORY_LABELS, parseCbpCategory } from "./cbp-category.ts";
export type { BizTransactionType, DocumentRef } from "./document-ref.ts";
export type { CanonicalEpcOptions } from "./epc.ts";
export { canonicalEpc, DEFAULT_COMPANY_PREFIX_LENGTH } from "./epc.ts";
export type {
  EpcisAction,
  EpcisEventType,
  ErrorDeclaration,
  EventKind,
  QuantityLine,
  SupplyEvent,
  TypedRef,
} from "./event.ts";
export type { Identifier, IdentifierScheme } from "./identifier.ts";
export type { DocumentRefId, EventId, LinkId, LocationId, LotId, PartyId } from "./ids.ts";
export { documentRefId, eventId, linkId, locationId, lotId, partyId } from "./ids.ts";
export type { Issue } from "./issue.ts";
export { formatIssue, hasErrors, issue } from "./issue.ts";
export type { Link, LinkKind } from "./link.ts";
export type { Address, Location } from "./location.ts";
export type { Lot } from "./lot.ts";
export { mergeLocation, mergeParty } from "./merge-records.ts";
export type { Party } from "./party.ts";
export type { Provenance } from "./provenance.ts";
export { describeProvenance, provenance } from "./provenance.ts";
export type { ParsedChunk, RecordBatch, SupplyRecord } from "./record-batch.ts";
export { batchSize, emptyBatch } from "./record-batch.ts";
export { isMassUnit, kilogramsPer, toKilograms } from "./units.ts";
