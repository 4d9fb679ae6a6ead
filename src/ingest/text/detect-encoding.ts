/** Encodings we read. Chinese Excel saves "CSV" in the ANSI code page, which is GBK (a GB18030 subset). */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Picks the encoding of a file from its first bytes: a byte-order mark wins; otherwise bytes that
 * are not valid UTF-8 but are valid GB18030 mean a Chinese Excel export; everything else is read as
 * UTF-8 (invalid sequences then become U+FFFD, and the importer's own checks report the damage).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (decodesStrictly("utf-8", head)) return "utf-8";
  return decodesStrictly("gb18030", head) ? "gb18030" : "utf-8";
}

function decodesStrictly(encoding: TextEncodingName, bytes: Uint8Array): boolean {
  try {
    // stream: true so a multi-byte character cut at the end of the sample is not counted as invalid.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}
