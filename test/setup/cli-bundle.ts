import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

/**
 * Vitest globalSetup: bundles the CLI once per run, from the sources as they are now, so the
 * end-to-end tests spawn plain `node` instead of paying tsx's start-up (≈ 1–2 s) on each of their
 * ≈ 200 CLI runs. Dependencies stay external (the same node_modules as `bin/threadproof.js`), and
 * the bundle sits two folders below the package root like `src/<layer>/` does, so PACKAGE_ROOT_URL
 * and the workers' sibling entries (parse, match pool, trace, name index) resolve as they do from the sources. `bin/threadproof.js`
 * itself is still spawned by the tests that check the installed command (docs, main job).
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** The bundled CLI's entry (`.cache/cli-<pid>/main.js`). */
    cliBundle: string;
  }
}

const ROOT = resolve(import.meta.dirname, "../..");

export async function setup(project: TestProject): Promise<() => void> {
  const dir = join(ROOT, ".cache", `cli-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: {
      main: join(ROOT, "src/cli/main.ts"),
      "parse-worker-entry": join(ROOT, "src/app/parse-worker-entry.ts"),
      "match-pool-worker": join(ROOT, "src/app/match-pool-worker.ts"),
      "trace-worker-entry": join(ROOT, "src/server/trace-worker-entry.ts"),
      "name-index-worker": join(ROOT, "src/app/name-index-worker.ts"),
    },
    outdir: dir,
    bundle: true,
    platform: "node",
    format: "esm",
    // Code the CLI loads on demand (the server, for `serve` and `demo --serve`) goes into its own
    // chunk, so the other commands start without it, as they do from the sources.
    splitting: true,
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  project.provide("cliBundle", join(dir, "main.js"));
  return () => rmSync(dir, { recursive: true, force: true });
}
