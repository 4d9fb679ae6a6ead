import { userInfo } from "node:os";
import type { Principal } from "../app/index.ts";

/** `--as`, else $USER, else the account running the command ("unknown" without a passwd entry). */
export function cliUsername(as?: string): string {
  if (as?.trim()) return as.trim();
  if (process.env.USER?.trim()) return process.env.USER.trim();
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers): say so rather than invent a name.
    return "unknown";
  }
}

/**
 * Who a CLI write is recorded as. Whoever can run the CLI on the store can write to it directly,
 * so the principal is an admin; the audit trail names the operator.
 */
export function cliPrincipal(as?: string): Principal {
  const username = cliUsername(as);
  return { userId: `cli:${username}`, username, role: "admin", via: "cli" };
}
