import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Throwaway databases on the test cluster (`inject("pgUrl")`): one name prefix per test file, so
 * files never share data, and `dropAll` in the file's `afterAll`.
 */
export interface ScratchDatabases {
  readonly prefix: string;
  /** A new empty database; resolves to its URL. */
  create(): Promise<string>;
  /** The URL of database `name` on the cluster (with another password when given). */
  url(name: string, password?: string): string;
  dropAll(): Promise<void>;
}

export function scratchDatabases(adminUrl: string | undefined, label: string): ScratchDatabases {
  const prefix = `threadproof_${label}_${randomBytes(4).toString("hex")}`;
  const created: string[] = [];
  const url = (name: string, password?: string): string => {
    const u = new URL(adminUrl ?? "postgres://unavailable");
    u.pathname = `/${name}`;
    if (password !== undefined) u.password = password;
    return u.toString();
  };
  const onAdmin = async (work: (admin: pg.Client) => Promise<void>): Promise<void> => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await work(admin);
    } finally {
      await admin.end();
    }
  };
  return {
    prefix,
    url,
    async create() {
      const name = `${prefix}_${created.length + 1}`;
      created.push(name);
      await onAdmin(async (admin) => {
        await admin.query(`create database ${name}`);
      });
      return url(name);
    },
    async dropAll() {
      if (!adminUrl || created.length === 0) return;
      await onAdmin(async (admin) => {
        for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
