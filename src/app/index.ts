// Result types and the text rendering of traces, re-exported so composition roots need only `app`.
export type { ListEntry, ListFormat, ListName } from "../ingest/index.ts";
export { LIST_FORMATS } from "../ingest/index.ts";
export type { PackageFonts } from "../report/index.ts";
export type { DuplicatePair, DuplicateReport, DuplicateVerdict } from "../screen/index.ts";
export type { LocationBalance, LotRecall, LotTrace, MassBalance } from "../trace/index.ts";
export { renderTrace } from "../trace/index.ts";
export type {
  AccountRecords,
  ApiTokenRecord,
  SessionRecord,
  TokenScope,
  UserRecord,
} from "./account-records.ts";
export { TOKEN_SCOPES } from "./account-records.ts";
export type { AccountView, NewUser } from "./accounts.ts";
export { accountView, createUser, disableUser, listUsers, parseRole } from "./accounts.ts";
export type { AddDocumentOptions, AddedDocument, DocumentFile } from "./add-document.ts";
export { addDocument, addDocuments, documentCategory } from "./add-document.ts";
export type { ApiTokenView, CreatedApiToken, TokenPrincipal } from "./api-tokens.ts";
export {
  createApiToken,
  listApiTokens,
  parseScopes,
  principalForToken,
  revokeApiToken,
} from "./api-tokens.ts";
export type { ShipmentAssessment } from "./assess-shipments.ts";
export { assessShipments } from "./assess-shipments.ts";
export type {
  AuditActor,
  AuditDetail,
  AuditEntry,
  AuditQuery,
  AuditRecord,
  AuditTrail,
} from "./audit-trail.ts";
export type { AuditChange } from "./audit-trail-append.ts";
export { appendAudit, auditActor, auditEntry, UNATTRIBUTED } from "./audit-trail-append.ts";
export { AUDIT_GENESIS, auditHash, canonicalJson, sealAuditRecord, stateHash } from "./audit-trail-chain.ts";
export type { AuditProblem, AuditVerification } from "./audit-trail-verify.ts";
export { verifyAudit } from "./audit-trail-verify.ts";
export {
  auditDocumentAdd,
  auditPackage,
  documentAuditEntry,
  importAuditEntry,
} from "./audit-trail-writes.ts";
export type { BalanceOptions } from "./balance-in-store.ts";
export { balanceInStore, balanceWithContext } from "./balance-in-store.ts";
export type { CheckQuery, CheckResult } from "./check-name.ts";
export { checkOne } from "./check-name.ts";
export type { NamePair, PairComparison } from "./compare-names.ts";
export { compareNames, readNamePairs } from "./compare-names.ts";
export type { ComposeSummary, CompositionEngine, LotComposition } from "./compose-lots.ts";
export { composeLots } from "./compose-lots.ts";
export type { CompositionSql, LotMixRow, PlaceBuckets, SqlCompositionRun } from "./composition-sql.ts";
export type { ListsDescription, ListsSummary } from "./describe-lists.ts";
export { describeLists, summariseLists } from "./describe-lists.ts";
export type {
  DocumentAddResult,
  DocumentLink,
  DocumentLinkKind,
  DocumentRegistry,
  RegisteredDocument,
} from "./document-registry.ts";
export type { AppErrorCode } from "./errors.ts";
export { AppError, isAppError } from "./errors.ts";
export { storedEventJson } from "./event-json.ts";
export { exportEpcis } from "./export-epcis.ts";
export type { DocumentDetail, DocumentQuery } from "./find-documents.ts";
export { listDocuments, showDocument } from "./find-documents.ts";
export type { FacilityDuplicateOptions } from "./find-facility-duplicates.ts";
export { findFacilityDuplicates } from "./find-facility-duplicates.ts";
export type { GeneratedFile, GenerateOptions } from "./generate-sample.ts";
export { generateChain, SAMPLE_SIZES } from "./generate-sample.ts";
export type { PairDecisionInput } from "./hit-review.ts";
export { decidePair, hitIdOf } from "./hit-review.ts";
export type { DecisionHistoryItem } from "./hit-review-history.ts";
export { hitDecisions, reviewHistory } from "./hit-review-history.ts";
export type { ImportOptions, ImportResult, ImportSource } from "./import-file.ts";
export { importFile, resolveImportFormat } from "./import-file.ts";
export type {
  ImportJob,
  ImportJobRequest,
  ImportJobs,
  ImportOutcome,
  ImportProgress,
} from "./import-jobs.ts";
export { createImportJobs, submitImport } from "./import-jobs.ts";
export type { ScopeCheck } from "./import-scope.ts";
export { checkImportScope, OUT_OF_SCOPE } from "./import-scope.ts";
export type { Job, JobFailure, JobRegistry, JobRegistryOptions, JobStatus } from "./job-registry.ts";
export { createJobRegistry } from "./job-registry.ts";
export type { Shipment } from "./list-shipments.ts";
export { listShipments, shortTransactionId } from "./list-shipments.ts";
export type { MatchLists, MatchPool } from "./match-pool.ts";
export { createMatchPool } from "./match-pool.ts";
export type { LocationWithGaps, Overview, VerdictCounts } from "./overview.ts";
export { balanceFromModel, overview, traceFromModel, verdictCounts } from "./overview.ts";
export type { PackageAttachment } from "./package-documents.ts";
export { buildPackageInput } from "./package-input.ts";
export type { PackageJob, PackageJobs, PackageOutcome, PackageProgress } from "./package-jobs.ts";
export { createPackageJobs, submitPackage } from "./package-jobs.ts";
export type { PackageContext, PackagedShipment, PackageOptions } from "./package-shipment.ts";
export {
  findAssessment,
  loadPackageContext,
  packageAssessment,
  packageShipment,
} from "./package-shipment.ts";
export { checkPasswordRules, hashPassword, verifyPassword } from "./passwords.ts";
export type { DataScope, Principal, Role } from "./principal.ts";
export { ALL_DATA, ROLES, scopeOf } from "./principal.ts";
export type { ReadModel } from "./read-model.ts";
export { createReadModel } from "./read-model.ts";
export type { LotDetail, PartyDetail } from "./record-details.ts";
export {
  eventDetail,
  listEvents,
  listLots,
  locationDetail,
  lotDetail,
  partyDetail,
} from "./record-details.ts";
export type {
  HitCounts,
  HitStatusFilter,
  ListingPage,
  LocationListing,
  LocationRisk,
  LocationRow,
  PartyListing,
  PartyRow,
  RiskLevel,
} from "./record-listings.ts";
export { listLocations, listParties } from "./record-listings.ts";
export type { DecisionInput, OpenHit } from "./review-hits.ts";
export { decideHit, openHits } from "./review-hits.ts";
export { addDocumentAs, findDocumentAs, listDocumentsAs, readDocumentAs } from "./scoped-documents.ts";
export type {
  DocumentRefFilter,
  EventFilter,
  PageRequest,
  RecordFilter,
  ScopedKind,
  ScopedReads,
} from "./scoped-reads.ts";
export type { ReviewedMatch, ScreeningRecord, ScreenOptions, StoreScreening } from "./screen-store.ts";
export { screenStore } from "./screen-store.ts";
export type { ListMatch, Screener } from "./screener.ts";
export {
  checkName,
  createScreener,
  listedHitsOf,
  screenNames,
  screenParties,
  screenParty,
} from "./screener.ts";
export type { HitListing, MatchBatchQuery, MatchBatchResult } from "./screening-api.ts";
export { decideHitAs, decidePairAs, listHits, matchBatch } from "./screening-api.ts";
export type { ScreeningContext } from "./screening-context.ts";
export { loadScreeningContext } from "./screening-context.ts";
export type { DecisionFilter, ListVersion, ReviewDecision, ScreeningRecords } from "./screening-records.ts";
export type { FoundListEntry, ListEntrySearch } from "./search-list-entries.ts";
export { searchListEntries } from "./search-list-entries.ts";
export type { LoginResult, SessionPrincipal } from "./sessions.ts";
export {
  csrfMatches,
  csrfTokenFor,
  login,
  logout,
  principalForSession,
  principalOf,
  SESSION_TTL_MS,
  sha256Base64Url,
} from "./sessions.ts";
export { balanceSharded } from "./shard-balance.ts";
export type {
  ShardBalanceRow,
  ShardCluster,
  ShardComposeOptions,
  ShardComposeRun,
  ShardCounts,
  ShardGraph,
  ShardLoadResult,
  ShardLotTrace,
  ShardMixRow,
  ShardStatus,
} from "./shard-cluster.ts";
export { ShardUnavailableError } from "./shard-cluster.ts";
export type { ShardComposeSummary, ShardTrace } from "./shard-compose.ts";
export { composeLotsSharded, loadShards, traceLotSharded } from "./shard-compose.ts";
export type {
  EventQuery,
  ImportLogEntry,
  ImportMeta,
  ImportSession,
  ImportSummary,
  Store,
  StoreStats,
  WriteCounts,
} from "./store.ts";
export type { TraceContext } from "./trace-context.ts";
export { loadTraceContext, regionOfLocation } from "./trace-context.ts";
export type { TraceResult } from "./trace-in-store.ts";
export { traceInStore, traceWithContext } from "./trace-in-store.ts";
export type { TraceTarget } from "./trace-target.ts";
export { resolveTraceTarget } from "./trace-target.ts";
export type { ListChanges, ListUpdateInput, ListUpdateResult } from "./update-lists.ts";
export { updateLists } from "./update-lists.ts";
export type { DocumentCheck } from "./verify-documents.ts";
export { verifyDocuments } from "./verify-documents.ts";
