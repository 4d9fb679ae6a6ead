/** RFC 4180 quoting: only where a cell needs it, so the files stay readable. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}
