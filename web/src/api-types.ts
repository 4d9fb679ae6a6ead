/**
 * The response shapes the pages read: the src/api contract (issue 6). Where src/api exports only a
 * schema, its type is inferred here; where a route's schema has not landed yet, the shape the page
 * expects is written here and marked "expected", so the gap is visible in one file.
 */

import type {
  DocumentAddedSchema,
  DocumentListSchema,
  RegisteredDocumentSchema,
} from "../../src/api/document-schemas.ts";
import type { ImportJobSchema, ImportLogSchema } from "../../src/api/import-schemas.ts";
import type {
  AccountSchema,
  ApiTokenSchema,
  AuditRecordSchema,
  AuditVerificationSchema,
  CreatedApiTokenSchema,
  SessionInfoSchema,
} from "../../src/api/index.ts";
import type { PackageJobSchema } from "../../src/api/package-schemas.ts";

export type {
  Decision,
  DecisionHistory,
  Event,
  Hit,
  HitCounts,
  HitPage,
  ListEntryPage,
  ListEntryRow,
  ListsSummary,
  LocationRow,
  Lot,
  LotDetail,
  LotRecall,
  LotTrace,
  PartyDetail,
  PartyRow,
  ShipmentAssessment,
  ShipmentList,
  Stats,
  TraceResult,
  Verdict,
} from "../../src/api/index.ts";

type Infer<S extends { parse: (input: unknown) => unknown }> = ReturnType<S["parse"]>;

export type Me = Infer<typeof SessionInfoSchema>;
export type Account = Infer<typeof AccountSchema>;
export type ApiToken = Infer<typeof ApiTokenSchema>;
export type CreatedApiToken = Infer<typeof CreatedApiTokenSchema>;
export type AuditRecord = Infer<typeof AuditRecordSchema>;
export type AuditVerification = Infer<typeof AuditVerificationSchema>;
export type ImportJob = Infer<typeof ImportJobSchema>;
export type ImportLog = Infer<typeof ImportLogSchema>;

export type DocumentRow = Infer<typeof RegisteredDocumentSchema>;
export type DocumentList = Infer<typeof DocumentListSchema>;
export type DocumentAdded = Infer<typeof DocumentAddedSchema>;
export type PackageJob = Infer<typeof PackageJobSchema>;
