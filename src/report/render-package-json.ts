import type { EvidencePackage } from "./evidence-package.ts";

/**
 * `package.json` text: two-space indented, object keys sorted so that the bytes depend on the
 * data only, never on construction order. Arrays keep their order: `buildPackage` already sorts
 * those whose order carries no meaning, and some (tiers, flags by severity) carry meaning.
 */
export function renderPackageJson(pkg: EvidencePackage): string {
  return `${JSON.stringify(sortKeys(pkg), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
