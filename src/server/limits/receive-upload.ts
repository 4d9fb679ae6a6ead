import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError, type ImportSource } from "../../app/index.ts";

/** Bytes kept for format detection, as the CLI reads from a local file. */
const HEAD_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/** An upload on disk: an ImportSource that re-reads the temp file, and a way to delete it. */
export interface ReceivedUpload extends ImportSource {
  readonly path: string;
  readonly size: number;
  dispose(): Promise<void>;
}

export function tooLarge(limitBytes: number, size?: number): AppError {
  const what = size === undefined ? "the upload" : `the upload of ${size} bytes`;
  return new AppError(
    "too-large",
    `${what} is above the limit of ${limitBytes} bytes (${(limitBytes / MB).toFixed(1)} MB; the server's --upload-limit or THREADPROOF_UPLOAD_LIMIT)`,
  );
}

/** Refuses a declared Content-Length above the limit before a byte is read. */
export function checkDeclaredLength(request: Request, limitBytes: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) throw tooLarge(limitBytes, Number(declared));
}

/** Passes chunks through, counting; throws `too-large` the moment the count passes the limit. */
async function* limited(body: ReadableStream<Uint8Array>, limitBytes: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limitBytes) throw tooLarge(limitBytes);
    yield chunk;
  }
}

async function readHead(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

/**
 * Streams a request body to a private temp file, never holding it in memory, and stops at
 * `limitBytes` whatever Content-Length said (a chunked upload has none). The caller disposes of
 * the file when done with it; a failed or refused upload leaves nothing behind.
 */
export async function receiveUpload(
  request: Request,
  name: string,
  limitBytes: number,
): Promise<ReceivedUpload> {
  checkDeclaredLength(request, limitBytes);
  if (!request.body)
    throw new AppError("invalid-input", "empty request: send the file's bytes as the request body");
  const dir = await mkdtemp(join(tmpdir(), "threadproof-upload-"));
  const path = join(dir, "upload");
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    let size = 0;
    const counted = async function* () {
      for await (const chunk of limited(request.body as ReadableStream<Uint8Array>, limitBytes)) {
        size += chunk.byteLength;
        yield chunk;
      }
    };
    await pipeline(counted, createWriteStream(path, { mode: 0o600 }));
    if (size === 0) throw new AppError("invalid-input", `${name}: the upload is empty`);
    const head = await readHead(path, size);
    return {
      name,
      size,
      head,
      path,
      dispose,
      open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    };
  } catch (e) {
    await dispose();
    if (e instanceof AppError) throw e;
    throw new AppError("io", `${name}: the upload could not be stored: ${String(e)}`, { cause: e });
  }
}
