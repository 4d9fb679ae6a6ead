export type {
  DuplicatePair,
  DuplicateReport,
  DuplicateVerdict,
  FacilityRecord,
} from "./facilities/index.ts";
export { compareAddresses, findDuplicateFacilities } from "./facilities/index.ts";
export type { DivisionRef, Region, RegionQuery, XinjiangLocation } from "./geo/index.ts";
export { locateXinjiang, resolveRegion } from "./geo/index.ts";
export type {
  IndexPart,
  NameEntry,
  NameIndex,
  NameKind,
  NameMatch,
  NameMatchResult,
  NameQuery,
} from "./names/index.ts";
export {
  buildNameIndex,
  DEFAULT_THRESHOLD,
  firstNames,
  IndexKeyer,
  joinIndexParts,
  matchName,
  NAME_ALGORITHM,
  normaliseName,
  scoreNames,
} from "./names/index.ts";
export { findXpccMarkers } from "./xpcc-markers.ts";
