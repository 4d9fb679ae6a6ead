import { z } from "zod";

export const RoleSchema = z.enum(["admin", "analyst", "viewer", "supplier"]);
export const TokenScopeSchema = z.enum(["read", "write", "admin"]);

export const LoginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** An account as admins see it: never the password hash. */
export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  partyId: z.string().optional().describe("suppliers only: the party whose data the account sees"),
  createdAt: z.string(),
  disabledAt: z.string().optional(),
});

export const SessionInfoSchema = z.object({
  user: AccountSchema,
  via: z.enum(["session", "token"]),
  csrfToken: z
    .string()
    .optional()
    .describe("send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE made with the session cookie"),
  expiresAt: z.string().optional(),
  scopes: z.array(TokenScopeSchema).optional().describe("API tokens only"),
});

export const NewUserSchema = z.object({
  username: z.string().min(2).max(64),
  password: z.string().min(10).max(1024),
  role: RoleSchema,
  partyId: z.string().max(300).optional().describe("required for a supplier: the party it belongs to"),
});

export const UsernameParamSchema = z.object({ username: z.string().min(1).max(64) });

export const ApiTokenSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  scopes: z.array(TokenScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe("send as `Authorization: Bearer <token>`; shown once, stored only as a hash"),
});

export const NewApiTokenSchema = z.object({
  username: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  scopes: z.array(TokenScopeSchema).optional().describe("default: read and write"),
});

export const TokenIdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const AuditRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({
    userId: z.string(),
    username: z.string(),
    role: RoleSchema,
    via: z.enum(["session", "token", "cli"]),
  }),
  action: z.string().describe("user.create, review.decide, import.file, document.add, package.build, …"),
  subject: z.string(),
  beforeHash: z.string().optional(),
  afterHash: z.string().optional(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional().describe("newest first; default 100"),
  afterSeq: z.coerce.number().int().min(0).optional().describe("oldest first, after this seq"),
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  records: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
  seq: z.number().int().optional().describe("the first bad record"),
  problem: z.enum(["altered", "deleted", "reordered"]).optional(),
  message: z.string().optional(),
});
