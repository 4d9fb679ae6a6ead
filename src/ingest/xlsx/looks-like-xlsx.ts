import { detectBinaryFormat } from "../text/index.ts";

/** True for a ZIP container (.xlsx) or a legacy .xls, which `importXlsx` refuses with an issue. */
export function looksLikeXlsx(head: Uint8Array): boolean {
  return detectBinaryFormat(head) !== undefined;
}
