import { randomUUID } from "node:crypto";
import { type PartyId, partyId as toPartyId } from "../model/index.ts";
import type { UserRecord } from "./account-records.ts";
import { auditEntry } from "./audit-trail-append.ts";
import { AppError } from "./errors.ts";
import { hashPassword } from "./passwords.ts";
import { type Principal, ROLES, type Role } from "./principal.ts";
import type { Store } from "./store.ts";

/** An account as shown to admins and in audit details: everything but the password hash. */
export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly partyId?: PartyId;
  readonly createdAt: string;
  readonly disabledAt?: string;
}

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  /** Required for (and only for) a supplier: an id of a party in the store. */
  readonly partyId?: string | undefined;
  readonly now?: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

export function accountView(user: UserRecord): AccountView {
  const { id, username, role, partyId, createdAt, disabledAt } = user;
  return {
    id,
    username,
    role,
    ...(partyId === undefined ? {} : { partyId }),
    createdAt,
    ...(disabledAt === undefined ? {} : { disabledAt }),
  };
}

export function parseRole(raw: string): Role {
  const role = ROLES.find((r) => r === raw);
  if (!role) throw new AppError("usage", `unknown role "${raw}"; use one of: ${ROLES.join(", ")}`);
  return role;
}

/** The id as `party:…` when it can be one; an id that cannot is still looked up as typed. */
function canonicalParty(raw: string): string {
  try {
    return toPartyId(raw);
  } catch {
    return raw;
  }
}

async function supplierParty(
  store: Store,
  role: Role,
  raw: string | undefined,
): Promise<PartyId | undefined> {
  if (role !== "supplier") {
    if (raw !== undefined)
      throw new AppError("usage", `only a supplier account is bound to a party (--party)`);
    return undefined;
  }
  if (raw === undefined || !raw.trim())
    throw new AppError("usage", "a supplier account needs the party it belongs to (--party ID)");
  const trimmed = raw.trim();
  for (const id of [trimmed, canonicalParty(trimmed)]) {
    const party = await store.getParty(id as PartyId);
    if (party) return party.id;
  }
  throw new AppError("not-found", `no party ${trimmed} in ${store.location}`);
}

/** Creates an account; a taken username is a conflict. The audit record is written with it. */
export async function createUser(store: Store, actor: Principal, input: NewUser): Promise<AccountView> {
  const username = input.username.trim();
  if (!USERNAME.test(username))
    throw new AppError(
      "usage",
      `username "${username}": 2–64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit`,
    );
  const role = parseRole(input.role);
  const partyId = await supplierParty(store, role, input.partyId);
  if (await store.findUser(username)) throw new AppError("conflict", `user ${username} already exists`);
  const user: UserRecord = {
    id: `user:${randomUUID()}`,
    username,
    passwordHash: await hashPassword(input.password),
    role,
    ...(partyId === undefined ? {} : { partyId }),
    createdAt: input.now ?? new Date().toISOString(),
  };
  const view = accountView(user);
  await store.insertUser(
    user,
    auditEntry(actor, "user.create", username, { after: view, detail: { ...view } }),
  );
  return view;
}

export async function listUsers(store: Store): Promise<readonly AccountView[]> {
  return (await store.userRecords()).map(accountView);
}

/** Disables an account and ends its sessions; its tokens stop working. The last active admin stays. */
export async function disableUser(store: Store, actor: Principal, username: string): Promise<AccountView> {
  const user = await store.findUser(username);
  if (!user) throw new AppError("not-found", `no user ${username}`);
  if (user.disabledAt !== undefined) return accountView(user);
  if (user.role === "admin") {
    const admins = (await store.userRecords()).filter(
      (u) => u.role === "admin" && u.disabledAt === undefined,
    );
    if (admins.length <= 1)
      throw new AppError("conflict", `${username} is the last active admin; create another admin first`);
  }
  const at = new Date().toISOString();
  const before = accountView(user);
  const after = { ...before, disabledAt: at };
  const entry = auditEntry(actor, "user.disable", username, {
    before,
    after,
    detail: { userId: user.id },
    at,
  });
  if (!(await store.disableUserRecord(user.id, at, entry)))
    throw new AppError("not-found", `no user ${username}`);
  return after;
}
