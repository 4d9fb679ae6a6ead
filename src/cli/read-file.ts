import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { AppError, type ImportSource } from "../app/index.ts";

const HEAD_BYTES = 64 * 1024;

export interface LocalFile extends ImportSource {
  readonly path: string;
  readonly head: Uint8Array;
}

function ioError(path: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(e);
  return new AppError("io", `${path}: ${why}`, { cause: e });
}

/** Opens a local file for import: its first bytes for format detection, and a re-readable stream. */
export async function openLocalFile(path: string): Promise<LocalFile> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    const handle = await open(path, "r");
    const buffer = new Uint8Array(Math.min(HEAD_BYTES, info.size));
    await handle.read(buffer, 0, buffer.length, 0);
    await handle.close();
    return {
      path,
      name: path,
      size: info.size,
      head: buffer,
      open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    };
  } catch (e) {
    throw ioError(path, e);
  }
}
