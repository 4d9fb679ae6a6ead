import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError, type PackagedShipment } from "../app/index.ts";
import { PACKAGE_ROOT_URL } from "../lib/index.ts";

/** Each indexed document into `documents/`, named by its SHA-256 and original extension. */
async function writeAttachments(dir: string, attachments: PackagedShipment["attachments"]): Promise<void> {
  if (attachments.length > 0) await mkdir(join(dir, "documents"), { recursive: true });
  for (const a of attachments) await writeFile(join(dir, a.path), a.bytes);
}

const FONTS = join(fileURLToPath(PACKAGE_ROOT_URL), "assets/fonts");

export interface PackagePaths {
  readonly dir: string;
  readonly pdf: string;
  readonly json: string;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new AppError("io", `${path}: ${String(e)}`, { cause: e });
  }
}

/** The bundled Noto Sans subsets (Latin, Vietnamese, CJK), read once per command. */
export async function readPackageFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  return {
    regular: await readBytes(join(FONTS, "NotoSansSC-Regular.ttf")),
    bold: await readBytes(join(FONTS, "NotoSansSC-Bold.ttf")),
  };
}

/** A folder name for a shipment id: bill-of-lading numbers pass unchanged, URNs lose their colons. */
export function safeShipmentDir(id: string): string {
  return id.replace(/[^\w.-]+/g, "_");
}

/**
 * Writes package.pdf and package.json into `dir`. With `replace`, the folder is emptied first so
 * a rerun never leaves files of an earlier run beside the new package.
 */
export async function writePackage(
  dir: string,
  result: PackagedShipment,
  options: { readonly replace?: boolean } = {},
): Promise<PackagePaths> {
  const paths = { dir, pdf: join(dir, "package.pdf"), json: join(dir, "package.json") };
  try {
    if (options.replace) await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(paths.pdf, result.pdf);
    await writeFile(paths.json, result.json);
    await writeAttachments(dir, result.attachments);
  } catch (e) {
    throw new AppError("io", `cannot write the package to ${dir}: ${String(e)}`, { cause: e });
  }
  return paths;
}
