import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AppError, type PackageFonts } from "../../app/index.ts";

const FONTS = new URL("../../../assets/fonts/", import.meta.url);

let loaded: Promise<PackageFonts> | undefined;

async function read(name: string): Promise<Uint8Array> {
  const path = fileURLToPath(new URL(name, FONTS));
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
