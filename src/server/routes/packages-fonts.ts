import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError, type PackageFonts } from "../../app/index.ts";
import { PACKAGE_ROOT_URL } from "../../lib/index.ts";

const FONTS = join(fileURLToPath(PACKAGE_ROOT_URL), "assets/fonts");

let loaded: Promise<PackageFonts> | undefined;

async function read(name: string): Promise<Uint8Array> {
  const path = join(FONTS, name);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new AppError("io", `${path}: ${String(e)}`, { cause: e });
  }
}

/** The bundled Noto Sans subsets the PDF needs (as the CLI reads them), read once per process. */
export function packageFonts(): Promise<PackageFonts> {
  loaded ??= Promise.all([read("NotoSansSC-Regular.ttf"), read("NotoSansSC-Bold.ttf")]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
