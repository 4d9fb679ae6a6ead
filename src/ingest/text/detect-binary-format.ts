/**
 * Recognises spreadsheet containers by their magic bytes, so a text importer handed a workbook can
 * say so instead of reporting a thousand garbled rows. `xls` is the legacy OLE2/BIFF format
 * (D0 CF 11 E0), `xlsx` a ZIP container (PK 03 04).
 */
export function detectBinaryFormat(head: Uint8Array): "xls" | "xlsx" | undefined {
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "xls";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  return undefined;
}
