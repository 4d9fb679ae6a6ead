import { type Issue, issue, type Provenance, provenance } from "../../model/index.ts";
import type { HeaderColumns } from "./header-columns.ts";
import { normaliseCountry } from "./normalise-country.ts";
import { parseNumber } from "./parse-number.ts";
import type { TableRow } from "./row-sink.ts";

/**
 * Reads one row's cells by column name and records, for each bad cell, an issue naming the row,
 * the column and what was expected. `failed` tells the sink whether to drop the row.
 */
export class RowReader {
  readonly issues: Issue[] = [];
  readonly provenance: Provenance;
  failed = false;

  constructor(
    source: string,
    readonly row: TableRow,
    readonly columns: HeaderColumns,
  ) {
    this.provenance = provenance(source, row.locator);
  }

  text(column: string): string | undefined {
    return this.columns.get(this.row.cells, column) || undefined;
  }

  required(column: string): string | undefined {
    const value = this.text(column);
    if (value === undefined)
      this.error(column, "template.missing-value", `expected a value in column ${column}`);
    return value;
  }

  number(column: string, min = -Infinity, max = Infinity): number | undefined {
    const raw = this.text(column);
    if (raw === undefined) return undefined;
    const n = parseNumber(raw);
    if (n === undefined || n < min || n > max) {
      const range = Number.isFinite(min) ? ` between ${min} and ${max}` : "";
      this.error(
        column,
        "template.bad-number",
        `expected a number like 1234.5 or 1,234.5${range}, got "${raw}"`,
      );
      return undefined;
    }
    return n;
  }

  /** ISO alpha-2 when recognised; otherwise the text as written, with a warning. */
  country(column: string): string | undefined {
    const raw = this.text(column);
    if (raw === undefined) return undefined;
    const code = normaliseCountry(raw);
    if (code) return code;
    this.warn(
      column,
      "template.unknown-country",
      `expected an ISO 3166-1 alpha-2 code or an English country name, got "${raw}"; kept as written`,
    );
    return raw;
  }

  error(column: string, code: string, message: string): void {
    this.failed = true;
    this.issues.push(issue(code, this.provenance, column, message));
  }

  warn(column: string, code: string, message: string): void {
    this.issues.push(issue(code, this.provenance, column, message, "warning"));
  }
}

/** One issue for a header that lacks required columns: the table cannot be read without them. */
export function missingColumnsIssue(
  source: string,
  locator: string,
  missing: readonly string[],
  template: string,
): Issue {
  const list = missing.join(", ");
  const message = `the ${template} template needs column${missing.length > 1 ? "s" : ""} ${list}; the header row lacks ${missing.length > 1 ? "them" : "it"}`;
  return issue("template.missing-column", provenance(source, locator), list, message);
}
