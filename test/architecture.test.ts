import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The one place the architecture is written down. `FOLDERS`: which src folders each folder may
 * import. `PACKAGES`: which npm packages (and whether `node:*`) each folder may import.
 */
const FOLDERS: Record<string, readonly string[]> = {
  lib: [],
  model: ["lib"],
  ingest: ["lib", "model"],
  screen: ["lib", "model"],
  trace: ["lib", "model"],
  report: ["lib", "model"],
  generate: ["lib", "model"],
  app: ["lib", "model", "ingest", "screen", "trace", "report", "generate"],
  store: ["lib", "model", "app"],
  api: ["lib", "model"],
  server: ["lib", "model", "app", "api", "store"],
  cli: ["lib", "model", "app", "store", "server"],
};

const NODE = "node:*";
const PACKAGES: Record<string, readonly string[]> = {
  lib: [],
  model: [],
  ingest: ["papaparse", "exceljs", "saxes", "@noble/hashes"],
  screen: ["pinyin-pro", "opencc-js"],
  trace: [],
  report: ["pdfkit", "fontkit"],
  generate: [],
  app: ["node:crypto", "node:worker_threads"],
  store: [NODE, "better-sqlite3", "kysely", "pg", "pg-copy-streams"],
  api: ["zod"],
  server: [NODE, "hono", "@hono/node-server", "@hono/zod-openapi", "zod"],
  cli: [NODE, "commander", "cli-progress", "papaparse"],
};

const SRC = resolve(import.meta.dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    // Tests and their helpers may read files; the rules are for the code that ships.
    return path.endsWith(".ts") && !/(\.test|test-helpers?)\.ts$/.test(path) ? [path] : [];
  });
}

/** Import and export specifiers as TypeScript itself reads them (string literals that merely look alike don't count). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function folderOf(file: string): string {
  return relative(SRC, file).split(sep)[0] ?? "";
}

function packageName(spec: string): string {
  if (spec.startsWith("node:")) return spec;
  const parts = spec.split("/");
  return spec.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? spec);
}

function violations(file: string): string[] {
  const folder = folderOf(file);
  const allowedFolders = FOLDERS[folder];
  const allowedPackages = PACKAGES[folder];
  if (!allowedFolders || !allowedPackages)
    return [`${relative(SRC, file)}: folder "${folder}" is not in the table`];
  return importsOf(file).flatMap((spec) => {
    if (spec.startsWith(".")) {
      const target = folderOf(resolve(file, "..", spec));
      if (target === folder || allowedFolders.includes(target)) return [];
      return [`${relative(SRC, file)} imports ${spec} (${folder} → ${target})`];
    }
    const name = packageName(spec);
    const ok = allowedPackages.includes(name) || (name.startsWith("node:") && allowedPackages.includes(NODE));
    return ok ? [] : [`${relative(SRC, file)} imports package ${spec}`];
  });
}

function crossFolderDeepImports(file: string): string[] {
  const folder = folderOf(file);
  return importsOf(file)
    .filter((spec) => spec.startsWith("."))
    .filter((spec) => {
      const target = resolve(file, "..", spec);
      return folderOf(target) !== folder && relative(join(SRC, folderOf(target)), target) !== "index.ts";
    })
    .map((spec) => `${relative(SRC, file)} imports ${spec}: go through the folder's index.ts`);
}

describe("architecture", () => {
  const files = sourceFiles(SRC);

  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("keeps every folder to the imports its row allows", () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  it("imports across folders only through index.ts", () => {
    expect(files.flatMap(crossFolderDeepImports)).toEqual([]);
  });

  it("rejects a forbidden import (the checker itself works)", () => {
    const folder = "trace";
    expect(FOLDERS[folder]).not.toContain("ingest");
    expect(PACKAGES[folder]).not.toContain(NODE);
  });
});

/** web/ (the browser UI) may reach into src only for model and api, and only these packages. */
const WEB = resolve(import.meta.dirname, "../web/src");
const WEB_SRC_FOLDERS = ["model", "api"];
const WEB_PACKAGES = [
  "react",
  "react-dom",
  "cytoscape",
  "d3-geo",
  "topojson-client",
  "topojson-specification",
  "world-atlas",
  "pinyin-pro",
];

function webFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return webFiles(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

function webViolations(file: string): string[] {
  return importsOf(file).flatMap((spec) => {
    const where = relative(WEB, file);
    if (!spec.startsWith("."))
      return WEB_PACKAGES.includes(packageName(spec)) ? [] : [`web/${where} imports package ${spec}`];
    const target = resolve(file, "..", spec);
    if (target.startsWith(WEB + sep)) return [];
    const folder = relative(SRC, target).startsWith("..") ? undefined : folderOf(target);
    return folder && WEB_SRC_FOLDERS.includes(folder) ? [] : [`web/${where} imports ${spec}`];
  });
}

describe("architecture of web/", () => {
  it("imports only src/model, src/api and the UI's packages", () => {
    const files = webFiles(WEB);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(webViolations)).toEqual([]);
  });
});
