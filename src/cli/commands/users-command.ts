import type { Command } from "commander";
import {
  type AccountView,
  type ApiTokenView,
  AppError,
  createApiToken,
  createUser,
  disableUser,
  listApiTokens,
  listUsers,
  revokeApiToken,
} from "../../app/index.ts";
import { cliPrincipal } from "../cli-principal.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printJsonLine, printLine, printNote } from "../output.ts";
import { readNewPassword } from "../read-password.ts";
import { withStore } from "../with-store.ts";

interface AddFlags {
  readonly role?: string;
  readonly party?: string;
  readonly admin?: boolean;
  readonly as?: string;
}

function printUsers(users: readonly AccountView[]): void {
  const rows = users.map((u) => [
    u.username,
    u.role,
    u.partyId ?? "",
    u.createdAt.slice(0, 19),
    u.disabledAt ? `disabled ${u.disabledAt.slice(0, 19)}` : "active",
  ]);
  printLine(formatTable(["user", "role", "party", "created", "state"], rows));
}

function registerUserCommands(users: Command): void {
  addGlobalOptions(
    users
      .command("add")
      .description(
        "create an account; the password is typed (not echoed), piped on stdin, or THREADPROOF_PASSWORD",
      )
      .argument("<name>", "username")
      .option("--role <role>", "admin, analyst, viewer or supplier")
      .option("--party <id>", "supplier accounts: the party whose data the account sees and writes")
      .option("--admin", "the same as --role admin: how the first admin is made")
      .option("--as <name>", "who makes the change, for the audit trail (default: $USER)"),
  ).action(async (name: string, flags: AddFlags, command: Command) => {
    const options = globalOptions(command);
    const role = flags.admin ? "admin" : flags.role;
    if (!role) throw new AppError("usage", "give --role R (or --admin)");
    const password = await readNewPassword();
    const user = await withStore(options, (store) =>
      createUser(store, cliPrincipal(flags.as), {
        username: name,
        password,
        role,
        ...(flags.party === undefined ? {} : { partyId: flags.party }),
      }),
    );
    if (options.json) printJson(user);
    else printLine(`created ${user.role} ${user.username}${user.partyId ? ` for ${user.partyId}` : ""}`);
  });
  addGlobalOptions(users.command("list").description("every account")).action(
    async (_flags: unknown, command: Command) => {
      const options = globalOptions(command);
      const all = await withStore(options, (store) => listUsers(store));
      if (options.json) for (const u of all) printJsonLine(u);
      else printUsers(all);
    },
  );
  addGlobalOptions(
    users
      .command("disable")
      .description("disable an account: its sessions end and its tokens stop working")
      .argument("<name>", "username")
      .option("--as <name>", "who makes the change, for the audit trail (default: $USER)"),
  ).action(async (name: string, flags: { as?: string }, command: Command) => {
    const options = globalOptions(command);
    const user = await withStore(options, (store) => disableUser(store, cliPrincipal(flags.as), name));
    if (options.json) printJson(user);
    else printLine(`disabled ${user.username} at ${user.disabledAt}`);
  });
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("accounts of the HTTP API: add, list, disable");
  registerUserCommands(users);
}

interface TokenFlags {
  readonly user: string;
  readonly name: string;
  readonly scope?: string[];
  readonly as?: string;
}

function printTokens(tokens: readonly ApiTokenView[]): void {
  const rows = tokens.map((t) => [
    t.id,
    t.username,
    t.name,
    t.scopes.join(","),
    t.createdAt.slice(0, 19),
    t.lastUsedAt?.slice(0, 19) ?? "never",
    t.revokedAt ? `revoked ${t.revokedAt.slice(0, 19)}` : "active",
  ]);
  printLine(formatTable(["id", "user", "name", "scopes", "created", "last used", "state"], rows));
}

export function registerTokens(program: Command): void {
  const tokens = program.command("tokens").description("API tokens: create (shown once), list, revoke");
  addGlobalOptions(
    tokens
      .command("create")
      .description("create an API token for an account and print it once (it is stored only as a hash)")
      .requiredOption("--user <name>", "the account the token acts as")
      .requiredOption("--name <name>", "what the token is for (ci, erp-sync…)")
      .option("--scope <scope...>", "read, write, admin (default: read write)")
      .option("--as <name>", "who makes the change, for the audit trail (default: $USER)"),
  ).action(async (flags: TokenFlags, command: Command) => {
    const options = globalOptions(command);
    const created = await withStore(options, (store) =>
      createApiToken(store, cliPrincipal(flags.as), {
        username: flags.user,
        name: flags.name,
        scopes: flags.scope,
      }),
    );
    if (options.json) return printJson(created);
    printLine(created.token);
    printNote(`token ${created.id} for ${created.username} (${created.scopes.join(", ")}): shown only now`);
  });
  addGlobalOptions(
    tokens.command("list").description("every token, revoked ones too (never the token)"),
  ).action(async (_flags: unknown, command: Command) => {
    const options = globalOptions(command);
    const all = await withStore(options, (store) => listApiTokens(store));
    if (options.json) for (const t of all) printJsonLine(t);
    else printTokens(all);
  });
  addGlobalOptions(
    tokens
      .command("revoke")
      .description("revoke a token: it stops working at once")
      .argument("<id>", "the token's id (tok_…), as `tokens list` prints it")
      .option("--as <name>", "who makes the change, for the audit trail (default: $USER)"),
  ).action(async (id: string, flags: { as?: string }, command: Command) => {
    const options = globalOptions(command);
    const token = await withStore(options, (store) => revokeApiToken(store, cliPrincipal(flags.as), id));
    if (options.json) printJson(token);
    else printLine(`revoked ${token.id} (${token.username}, ${token.name}) at ${token.revokedAt}`);
  });
}
