export type { DecodedText } from "./decode-text.ts";
export { decodeText } from "./decode-text.ts";
export { detectBinaryFormat } from "./detect-binary-format.ts";
export type { TextEncodingName } from "./detect-encoding.ts";
export { detectEncoding } from "./detect-encoding.ts";
export { peekBytes } from "./peek-bytes.ts";
export type { NumberedLine } from "./split-lines.ts";
export { splitLines } from "./split-lines.ts";
export { streamBytes } from "./stream-bytes.ts";
