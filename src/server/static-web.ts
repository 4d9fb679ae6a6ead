import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";
import { PACKAGE_ROOT_URL } from "../lib/index.ts";
import type { ServerApp } from "./server-app.ts";
import type { ServerEnv } from "./server-env.ts";

/** Where `npm run build:web` writes the UI: web/dist at the package root. */
export const WEB_DIST = resolve(fileURLToPath(PACKAGE_ROOT_URL), "web/dist");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".topojson": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function fileIn(root: string, path: string): Promise<string | undefined> {
  // Decoded, normalised and checked to stay under root: "/../../etc/passwd" serves nothing.
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

async function send(c: Context<ServerEnv>, file: string, immutable: boolean): Promise<Response> {
  const body = await readFile(file);
  return c.body(body, 200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    // Vite fingerprints everything under /assets; index.html must be re-read after each build.
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
}

/**
 * Serves the built web UI: files of web/dist as they are, and index.html for any other GET that is
 * not under /api, so a reload on /lots/lot:x opens the page the UI's router shows there. Mount it
 * after every API route. Without a build it answers 503 saying how to make one.
 */
export function serveWeb(app: ServerApp, root: string = WEB_DIST): void {
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/") || path === "/openapi.json") return next();
    if (!existsSync(join(root, "index.html")))
      return c.text("The web UI is not built: run `npm run build:web`, then reload.\n", 503);
    const file = await fileIn(root, path);
    if (file) return send(c, file, path.startsWith("/assets/"));
    // A missing build file (a stale /assets/x.js) is a 404, not the app shell; any other path is
    // a page of the UI, dots and all (/lots/urn:epc:class:lgtin:0614141.012345.L1).
    if (/^\/(assets|fonts|geo)\//.test(path)) return next();
    return send(c, join(root, "index.html"), false);
  });
}
