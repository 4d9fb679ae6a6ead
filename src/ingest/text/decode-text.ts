import { detectEncoding, type TextEncodingName } from "./detect-encoding.ts";
import { peekBytes } from "./peek-bytes.ts";

/** Bytes looked at before the encoding is decided: enough for a header row and many records. */
const SNIFF_BYTES = 64 * 1024;

export interface DecodedText {
  /** The encoding chosen; undefined until the first chunk of text has been read. */
  readonly encoding: () => TextEncodingName | undefined;
  readonly chunks: AsyncIterable<string>;
}

/**
 * Streams text out of bytes, deciding the encoding from the first 64 KiB (see `detectEncoding`).
 * The byte-order mark is dropped. Never throws for bad bytes: they decode to U+FFFD.
 */
export function decodeText(bytes: AsyncIterable<Uint8Array>): DecodedText {
  let chosen: TextEncodingName | undefined;
  async function* run(): AsyncGenerator<string> {
    const peeked = await peekBytes(bytes, SNIFF_BYTES);
    chosen = detectEncoding(peeked.head);
    const decoder = new TextDecoder(chosen);
    for await (const chunk of peeked.bytes) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  return { encoding: () => chosen, chunks: run() };
}
