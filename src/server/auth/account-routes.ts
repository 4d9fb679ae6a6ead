import { createRoute, z } from "@hono/zod-openapi";
import {
  AccountSchema,
  ApiTokenSchema,
  AuditListQuerySchema,
  AuditRecordSchema,
  AuditVerificationSchema,
  CreatedApiTokenSchema,
  NewApiTokenSchema,
  NewUserSchema,
  TokenIdParamSchema,
  UsernameParamSchema,
} from "../../api/index.ts";
import {
  createApiToken,
  createUser,
  disableUser,
  listApiTokens,
  listUsers,
  revokeApiToken,
  verifyAudit,
} from "../../app/index.ts";
import type { RouteModule } from "../server-app.ts";
import { requireRole } from "./require-role.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const routes = {
  listUsers: createRoute({
    method: "get",
    path: "/api/users",
    tags: ["accounts"],
    summary: "Every account (admin)",
    middleware: [requireRole("admin")] as const,
    responses: {
      200: { description: "accounts", content: json(z.object({ users: z.array(AccountSchema) })) },
    },
  }),
  createUser: createRoute({
    method: "post",
    path: "/api/users",
    tags: ["accounts"],
    summary: "Create an account (admin); a supplier names its party",
    middleware: [requireRole("admin")] as const,
    request: { body: { content: json(NewUserSchema), required: true } },
    responses: { 201: { description: "created", content: json(AccountSchema) } },
  }),
  disableUser: createRoute({
    method: "post",
    path: "/api/users/{username}/disable",
    tags: ["accounts"],
    summary: "Disable an account: its sessions end, its tokens stop working (admin)",
    middleware: [requireRole("admin")] as const,
    request: { params: UsernameParamSchema },
    responses: { 200: { description: "disabled", content: json(AccountSchema) } },
  }),
  listTokens: createRoute({
    method: "get",
    path: "/api/tokens",
    tags: ["accounts"],
    summary: "Every API token, revoked ones too, never the token itself (admin)",
    middleware: [requireRole("admin")] as const,
    responses: {
      200: { description: "tokens", content: json(z.object({ tokens: z.array(ApiTokenSchema) })) },
    },
  }),
  createToken: createRoute({
    method: "post",
    path: "/api/tokens",
    tags: ["accounts"],
    summary: "Create an API token for an account; the token is in this response only (admin)",
    middleware: [requireRole("admin")] as const,
    request: { body: { content: json(NewApiTokenSchema), required: true } },
    responses: { 201: { description: "created", content: json(CreatedApiTokenSchema) } },
  }),
  revokeToken: createRoute({
    method: "post",
    path: "/api/tokens/{id}/revoke",
    tags: ["accounts"],
    summary: "Revoke an API token (admin)",
    middleware: [requireRole("admin")] as const,
    request: { params: TokenIdParamSchema },
    responses: { 200: { description: "revoked", content: json(ApiTokenSchema) } },
  }),
  listAudit: createRoute({
    method: "get",
    path: "/api/audit",
    tags: ["audit"],
    summary: "Audit records: newest first, or oldest first after a seq (admin)",
    middleware: [requireRole("admin")] as const,
    request: { query: AuditListQuerySchema },
    responses: {
      200: { description: "records", content: json(z.object({ records: z.array(AuditRecordSchema) })) },
    },
  }),
  verifyAudit: createRoute({
    method: "get",
    path: "/api/audit/verify",
    tags: ["audit"],
    summary: "Walk the audit hash chain: intact, or the first altered, deleted or reordered record",
    middleware: [requireRole("admin", "analyst", "viewer")] as const,
    responses: { 200: { description: "the verdict", content: json(AuditVerificationSchema) } },
  }),
};

/** Admin routes for accounts and tokens, and the audit trail. */
export const accountRoutes: RouteModule = (app) => {
  app.openapi(routes.listUsers, async (c) => c.json({ users: [...(await listUsers(c.var.store))] }, 200));
  app.openapi(routes.createUser, async (c) => {
    const body = c.req.valid("json");
    return c.json(await createUser(c.var.store, c.var.principal, body), 201);
  });
  app.openapi(routes.disableUser, async (c) =>
    c.json(await disableUser(c.var.store, c.var.principal, c.req.valid("param").username), 200),
  );
  app.openapi(routes.listTokens, async (c) =>
    c.json({ tokens: (await listApiTokens(c.var.store)).map((t) => ({ ...t, scopes: [...t.scopes] })) }, 200),
  );
  app.openapi(routes.createToken, async (c) => {
    const created = await createApiToken(c.var.store, c.var.principal, c.req.valid("json"));
    return c.json({ ...created, scopes: [...created.scopes] }, 201);
  });
  app.openapi(routes.revokeToken, async (c) => {
    const revoked = await revokeApiToken(c.var.store, c.var.principal, c.req.valid("param").id);
    return c.json({ ...revoked, scopes: [...revoked.scopes] }, 200);
  });
  app.openapi(routes.listAudit, async (c) => {
    const { limit, afterSeq } = c.req.valid("query");
    const query =
      afterSeq === undefined ? { limit: limit ?? 100, newestFirst: true } : { afterSeq, limit: limit ?? 100 };
    return c.json({ records: [...(await c.var.store.auditRecords(query))] }, 200);
  });
  app.openapi(routes.verifyAudit, async (c) => c.json(await verifyAudit(c.var.store), 200));
};
