/** Code-unit order: unlike `localeCompare`, the same on every machine, so output bytes are stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
