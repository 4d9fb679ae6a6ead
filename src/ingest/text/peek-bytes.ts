/** Reads at least `n` bytes (or all there are) and hands back a stream that replays them. */
export async function peekBytes(
  bytes: AsyncIterable<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(Math.min(size, n));
  let offset = 0;
  for (const part of seen) {
    if (offset >= head.length) break;
    head.set(part.subarray(0, head.length - offset), offset);
    offset += Math.min(part.length, head.length - offset);
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, bytes: replay() };
}
