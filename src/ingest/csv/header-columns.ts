/** Header cells compare case-insensitively, with spaces and hyphens read as underscores. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** A row's cells read by column name. Missing columns and empty cells read as "". */
export class HeaderColumns {
  readonly names: readonly string[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(headerCells: readonly string[]) {
    this.names = headerCells.map(normaliseHeader);
    const index = new Map<string, number>();
    this.names.forEach((name, i) => {
      if (name && !index.has(name)) index.set(name, i);
    });
    this.index = index;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  missing(required: readonly string[]): string[] {
    return required.filter((name) => !this.index.has(name));
  }

  get(cells: readonly string[], name: string): string {
    const i = this.index.get(name);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  }

  /** Columns not in `known`, with their non-empty values: kept as attributes. */
  extras(cells: readonly string[], known: ReadonlySet<string>): Record<string, string> {
    const out: Record<string, string> = {};
    this.names.forEach((name, i) => {
      const value = (cells[i] ?? "").trim();
      if (name && value && !known.has(name)) out[name] = value;
    });
    return out;
  }
}
