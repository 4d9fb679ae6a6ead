import type { PartyId } from "../model/index.ts";
import type { TokenScope } from "./account-records.ts";

/** What a signed-in account may do. Suppliers see and write only their own party's data. */
export type Role = "admin" | "analyst" | "viewer" | "supplier";

export const ROLES: readonly Role[] = ["admin", "analyst", "viewer", "supplier"];

/** Who is calling: resolved from a session cookie or an API token before any route runs. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** Set for (and only for) suppliers: the one party whose data they may see and write. */
  readonly partyId?: PartyId;
  readonly via: "session" | "token" | "cli";
  /** Set for API tokens: what the token may do on top of its user's role. */
  readonly scopes?: readonly TokenScope[];
}

/**
 * Which data a query may touch. Passed down to the store so scoping happens in the data layer,
 * not only in routes: a supplier's query can never return another party's rows.
 */
export type DataScope = { readonly kind: "all" } | { readonly kind: "party"; readonly partyId: PartyId };

export const ALL_DATA: DataScope = { kind: "all" };

export function scopeOf(principal: Principal): DataScope {
  if (principal.role !== "supplier") return ALL_DATA;
  if (principal.partyId === undefined) throw new Error(`supplier ${principal.username} has no party`);
  return { kind: "party", partyId: principal.partyId };
}
