import { hasErrors, type Issue, issue, provenance } from "../model/index.ts";
import { type NameKind, normaliseName, resolveRegion, scoreNames } from "../screen/index.ts";
import { AppError } from "./errors.ts";

/** One row of `compare --pairs`: two names, with optional schema, addresses and countries. */
export interface NamePair {
  readonly name1: string;
  readonly name2: string;
  readonly schema?: string;
  readonly address1?: string;
  readonly country1?: string;
  readonly address2?: string;
  readonly country2?: string;
}

/** `compare --json`: the matcher's verdict on one pair. */
export interface PairComparison {
  readonly score: number;
  readonly match: boolean;
  readonly explanations: readonly string[];
}

const KINDS: Readonly<Record<string, NameKind>> = {
  Person: "person",
  Vessel: "vessel",
  Company: "company",
  Organization: "company",
  LegalEntity: "company",
  PublicBody: "company",
};

/** The country a row gives, or the one its address names. */
function countryOf(country: string | undefined, address: string | undefined): string | undefined {
  if (country?.trim()) return country.trim();
  if (!address?.trim()) return undefined;
  return resolveRegion({ lines: [address] }).country;
}

/** Scores two names with the matcher alone (no list, no index): the same scorer screening uses. */
export function compareNames(pair: NamePair, threshold?: number): PairComparison {
  const kind = pair.schema ? (KINDS[pair.schema] ?? "unknown") : "unknown";
  const country1 = countryOf(pair.country1, pair.address1);
  const country2 = countryOf(pair.country2, pair.address2);
  const result = scoreNames(normaliseName(pair.name1, { kind }), normaliseName(pair.name2, { kind }), {
    ...(threshold === undefined ? {} : { threshold }),
    query: country1 ? { country: country1 } : {},
    candidate: country2 ? { country: country2 } : {},
  });
  return { score: result.score, match: result.match, explanations: result.explanations };
}

type Row = Readonly<Record<string, string | undefined>>;

function rowIssues(row: Row, source: string, line: number): Issue[] {
  const at = provenance(source, `line ${line}`);
  const out: Issue[] = [];
  for (const field of ["name1", "name2"] as const)
    if (!row[field]?.trim()) out.push(issue("pairs/empty-name", at, field, `${field} is empty`));
  const schema = row.schema?.trim();
  if (schema && !(schema in KINDS))
    out.push(
      issue(
        "pairs/bad-schema",
        at,
        "schema",
        `unknown schema "${schema}" (one of ${Object.keys(KINDS).join(", ")})`,
      ),
    );
  return out;
}

/**
 * Reads the rows of a pairs file (header on line 1, one pair per line): every bad row is
 * reported, with file, line and field, and nothing is compared until all rows are good.
 */
export function readNamePairs(rows: readonly Row[], header: readonly string[], source: string): NamePair[] {
  const missing = ["name1", "name2"].filter((c) => !header.includes(c));
  const issues: Issue[] = missing.map((c) =>
    issue("pairs/missing-column", provenance(source, "line 1"), c, `no "${c}" column`),
  );
  rows.forEach((row, i) => {
    if (missing.length === 0) issues.push(...rowIssues(row, source, i + 2));
  });
  if (hasErrors(issues))
    throw new AppError("invalid-input", `${source}: bad pairs; nothing compared`, { issues });
  return rows.map((row) => {
    const optional = (k: keyof NamePair) => (row[k]?.trim() ? { [k]: row[k]?.trim() } : {});
    return {
      name1: row.name1?.trim() ?? "",
      name2: row.name2?.trim() ?? "",
      ...optional("schema"),
      ...optional("address1"),
      ...optional("country1"),
      ...optional("address2"),
      ...optional("country2"),
    };
  });
}
