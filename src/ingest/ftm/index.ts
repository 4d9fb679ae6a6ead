export { ftmOwnershipLinks } from "./ftm-ownership-links.ts";
export { ftmAddressText, ftmParty, ftmPartyId, PARTY_SCHEMAS } from "./ftm-party.ts";
export type { FtmImportCounts } from "./import-ftm-json-lines.ts";
export { emptyFtmCounts, importFtmJsonLines } from "./import-ftm-json-lines.ts";
export { looksLikeFtmJsonLines } from "./looks-like-ftm-json-lines.ts";
export type { FtmEntity, FtmLine } from "./parse-ftm-line.ts";
export { parseFtmLine } from "./parse-ftm-line.ts";
