export type { AddressAgreement } from "./address-similarity.ts";
export { addressTokens, compareAddresses } from "./address-similarity.ts";
export type {
  DuplicateOptions,
  DuplicatePair,
  DuplicateReport,
  DuplicateVerdict,
  FacilityRecord,
} from "./find-duplicate-facilities.ts";
export { findDuplicateFacilities } from "./find-duplicate-facilities.ts";
