import { availableParallelism } from "node:os";
import { AppError } from "../app/index.ts";

/** min(2, cores): enough to keep match batches off the event loop without crowding a small machine. */
export function defaultMatchWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** Everything the server is configured by. Read in one place, from flags then environment. */
export interface ServerConfig {
  /** A SQLite file path or a postgres:// URL. */
  readonly db: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Largest request body accepted by upload routes, in bytes. */
  readonly uploadLimitBytes: number;
  /** Signs session cookies; unset means a random secret per process (sessions end on restart). */
  readonly sessionSecret?: string;
  /** Worker threads for `/api/match` batches (`serve`); default min(2, cores); 0: on the event loop. */
  readonly matchWorkers: number;
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For; the login limiter takes
   * the client address from that header only when this is above 0 (default 0: the socket address).
   */
  readonly trustProxy: number;
}

/** Flags as the serve command parsed them (strings, as typed). */
export interface ServerFlags {
  readonly db?: string | undefined;
  readonly host?: string | undefined;
  readonly port?: string | undefined;
  readonly uploadLimit?: string | undefined;
  readonly matchWorkers?: string | undefined;
  readonly trustProxy?: string | undefined;
}

export const DEFAULT_DB = "threadproof.db";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8080;
export const DEFAULT_UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

type Environment = Readonly<Record<string, string | undefined>>;

function parsePort(raw: string, from: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError("usage", `${from}: "${raw}" is not a port (0-65535)`);
  return port;
}

const SIZE = /^(\d+)\s*(b|kb|k|mb|m|gb|g)?$/i;
const UNIT: Readonly<Record<string, number>> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** "100mb", "512k", "1048576" → bytes. */
export function parseSize(raw: string, from: string): number {
  const m = SIZE.exec(raw.trim());
  if (!m?.[1]) throw new AppError("usage", `${from}: "${raw}" is not a size (e.g. 100mb, 512kb, 1048576)`);
  const bytes = Number(m[1]) * (UNIT[(m[2] ?? "b").toLowerCase()] ?? 1);
  if (bytes <= 0) throw new AppError("usage", `${from}: size must be positive`);
  return bytes;
}

function parseWorkers(raw: string, from: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new AppError("usage", `${from}: "${raw}" is not a worker count (0-64)`);
  return n;
}

/** "true" is one proxy, "false" none; otherwise a hop count 0-10. */
function parseProxyHops(raw: string, from: string): number {
  const value = raw.trim().toLowerCase();
  if (value === "true") return 1;
  if (value === "false" || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new AppError("usage", `${from}: "${raw}" is not a proxy count (0-10, true or false)`);
  return n;
}

/**
 * `--db` else THREADPROOF_DB else ./threadproof.db; `--host` else THREADPROOF_HOST else 127.0.0.1
 * (loopback: exposing the API is a deliberate choice); `--port` else THREADPROOF_PORT else 8080;
 * `--upload-limit` else THREADPROOF_UPLOAD_LIMIT else 100mb; THREADPROOF_SESSION_SECRET;
 * `--match-workers` else THREADPROOF_MATCH_WORKERS else min(2, cores); `--trust-proxy` else
 * THREADPROOF_TRUST_PROXY else 0 (X-Forwarded-For ignored).
 */
/** The flag's value, else the variable's, parsed and named by where it came from; else the fallback. */
function setting<T>(
  flag: string | undefined,
  flagName: string,
  env: string | undefined,
  envName: string,
  parse: (raw: string, from: string) => T,
  fallback: () => T,
): T {
  if (flag !== undefined) return parse(flag, flagName);
  if (env !== undefined) return parse(env, envName);
  return fallback();
}

export function readServerConfig(flags: ServerFlags, env: Environment = process.env): ServerConfig {
  const secret = env.THREADPROOF_SESSION_SECRET;
  return {
    db: flags.db ?? env.THREADPROOF_DB ?? DEFAULT_DB,
    host: flags.host ?? env.THREADPROOF_HOST ?? DEFAULT_HOST,
    port: setting(
      flags.port,
      "--port",
      env.THREADPROOF_PORT,
      "THREADPROOF_PORT",
      parsePort,
      () => DEFAULT_PORT,
    ),
    uploadLimitBytes: setting(
      flags.uploadLimit,
      "--upload-limit",
      env.THREADPROOF_UPLOAD_LIMIT,
      "THREADPROOF_UPLOAD_LIMIT",
      parseSize,
      () => DEFAULT_UPLOAD_LIMIT_BYTES,
    ),
    ...(secret ? { sessionSecret: secret } : {}),
    matchWorkers: setting(
      flags.matchWorkers,
      "--match-workers",
      env.THREADPROOF_MATCH_WORKERS,
      "THREADPROOF_MATCH_WORKERS",
      parseWorkers,
      defaultMatchWorkers,
    ),
    trustProxy: setting(
      flags.trustProxy,
      "--trust-proxy",
      env.THREADPROOF_TRUST_PROXY,
      "THREADPROOF_TRUST_PROXY",
      parseProxyHops,
      () => 0,
    ),
  };
}
