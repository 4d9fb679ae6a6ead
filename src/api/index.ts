export {
  AccountSchema,
  ApiTokenSchema,
  AuditListQuerySchema,
  AuditRecordSchema,
  AuditVerificationSchema,
  CreatedApiTokenSchema,
  LoginRequestSchema,
  NewApiTokenSchema,
  NewUserSchema,
  RoleSchema,
  SessionInfoSchema,
  TokenIdParamSchema,
  TokenScopeSchema,
  UsernameParamSchema,
} from "./auth-schemas.ts";
export {
  DocumentAddedSchema,
  DocumentLinkSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentUploadQuerySchema,
  RegisteredDocumentSchema,
  Sha256ParamSchema,
} from "./document-schemas.ts";
export type { ImportJobBody } from "./import-schemas.ts";
export {
  ImportIssueSchema,
  ImportJobSchema,
  ImportLogEntrySchema,
  ImportLogSchema,
  ImportUploadQuerySchema,
  JobFailureSchema,
  JobIdParamSchema,
  JobStatusSchema,
  WriteCountsSchema,
} from "./import-schemas.ts";
export { PackageJobSchema, PackageRequestSchema } from "./package-schemas.ts";
