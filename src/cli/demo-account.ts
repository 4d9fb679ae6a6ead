import { randomBytes } from "node:crypto";
import { createUser, type Store } from "../app/index.ts";
import { cliPrincipal } from "./cli-principal.ts";

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
}

/**
 * A local admin for `demo --serve`, with a fresh random password printed once. `demo` when free;
 * a rerun on the same store (whose earlier password is gone) gets `demo-<random>` instead.
 */
export async function createDemoAccount(store: Store): Promise<DemoAccount> {
  const password = randomBytes(12).toString("base64url");
  const taken = await store.findUser("demo");
  const username = taken ? `demo-${randomBytes(3).toString("hex")}` : "demo";
  await createUser(store, cliPrincipal(), { username, password, role: "admin" });
  return { username, password };
}
