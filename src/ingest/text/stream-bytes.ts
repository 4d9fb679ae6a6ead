/** Replays bytes as a stream of `chunkSize` pieces: what a file reader would hand an importer. */
export async function* streamBytes(bytes: Uint8Array, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
