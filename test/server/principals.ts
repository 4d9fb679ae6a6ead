import {
  type AccountView,
  createApiToken,
  createUser,
  login,
  type Principal,
  ROLES,
  type Role,
  type Store,
} from "../../src/app/index.ts";

/** The password of every account `createPrincipals` makes. */
export const TEST_PASSWORD = "correct horse battery staple";

/** Who set the accounts up, as the audit trail records it. */
export const TEST_ADMIN: Principal = { userId: "test", username: "test-setup", role: "admin", via: "cli" };

export interface RoleClient {
  readonly username: string;
  readonly user: AccountView;
  /** Cookie and X-CSRF-Token: what the web UI sends; good for every method. */
  readonly session: Readonly<Record<string, string>>;
  /** The cookie alone: a write with it must be refused (no CSRF token). */
  readonly cookieOnly: Readonly<Record<string, string>>;
  /** `Authorization: Bearer …` with scopes read and write (and admin for the admin). */
  readonly bearer: Readonly<Record<string, string>>;
  readonly token: string;
  readonly tokenId: string;
  readonly csrfToken: string;
}

export interface PrincipalOptions {
  /** The party the supplier account is bound to (must be in the store). */
  readonly supplierParty: string;
  /** Username prefix, when one store holds several sets. */
  readonly prefix?: string;
}

/**
 * One signed-in account per role (admin, analyst, viewer, supplier bound to `supplierParty`),
 * each with ready request headers: a session (cookie + CSRF token) and an API token.
 * Use: `app.request("/api/lots", { headers: clients.viewer.bearer })`.
 */
export async function createPrincipals(
  store: Store,
  options: PrincipalOptions,
): Promise<Readonly<Record<Role, RoleClient>>> {
  const prefix = options.prefix ?? "";
  const entries = await Promise.all(
    ROLES.map(async (role): Promise<[Role, RoleClient]> => {
      const username = `${prefix}${role}`;
      const user = await createUser(store, TEST_ADMIN, {
        username,
        password: TEST_PASSWORD,
        role,
        ...(role === "supplier" ? { partyId: options.supplierParty } : {}),
      });
      const session = await login(store, username, TEST_PASSWORD);
      const scopes = role === "admin" ? ["read", "write", "admin"] : ["read", "write"];
      const token = await createApiToken(store, TEST_ADMIN, { username, name: `${role} test token`, scopes });
      const cookie = `tp_session=${session.sessionToken}`;
      return [
        role,
        {
          username,
          user,
          session: { Cookie: cookie, "X-CSRF-Token": session.csrfToken },
          cookieOnly: { Cookie: cookie },
          bearer: { Authorization: `Bearer ${token.token}` },
          token: token.token,
          tokenId: token.id,
          csrfToken: session.csrfToken,
        },
      ];
    }),
  );
  return Object.fromEntries(entries) as Record<Role, RoleClient>;
}
