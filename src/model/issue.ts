import type { Provenance } from "./provenance.ts";

/** Expected bad data, reported as a value. `path` names the field ("quantityList[0].quantity"). */
export interface Issue {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly provenance: Provenance;
  readonly message: string;
}

export function issue(
  code: string,
  provenance: Provenance,
  path: string,
  message: string,
  severity: Issue["severity"] = "error",
): Issue {
  return { code, severity, path, provenance, message };
}

/** One line a user can act on: file, locator, field, what was wrong. */
export function formatIssue(i: Issue): string {
  const field = i.path ? `, field ${i.path}` : "";
  return `${i.provenance.source}: ${i.provenance.locator}${field}: ${i.message} [${i.code}]`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
