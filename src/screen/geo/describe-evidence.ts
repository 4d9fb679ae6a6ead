import { assertNever } from "../../lib/index.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Mention } from "./mention.ts";
import type { ResolvedMention } from "./resolve-mentions.ts";

/** "喀什地区 (Kashgar) 653100". */
export function describeDivision(code: string): string {
  const d = gazetteer().byCode.get(code);
  if (!d) return code;
  return `${d.name} (${d.english ?? d.pinyin}) ${code}`;
}

function describeMention(m: Mention, code: string): string {
  switch (m.kind) {
    case "name":
      return `"${m.surface}" = ${describeDivision(code)}`;
    case "postal-code":
      return `postal code ${m.surface} (${describeDivision(code)})`;
    case "admin-code":
      return `admin code ${m.surface} = ${describeDivision(code)}`;
    case "uscc":
      return `USCC ${m.surface.toUpperCase()} registered in ${describeDivision(code)}`;
    case "xpcc":
      return `XPCC marker "${m.surface}" (${describeDivision(code)})`;
    default:
      return assertNever(m.kind);
  }
}

/** One line per mention a compliance analyst can read: what matched, and whether it counted. */
export function describeResolved(r: ResolvedMention): string {
  const m = r.mention;
  const options = m.candidates.map(describeDivision).join(" or ");
  switch (r.excluded) {
    case undefined:
      return describeMention(m, r.code ?? m.candidates[0] ?? "");
    case "street":
      return `"${m.surface}" is part of a street name, not a location (${options})`;
    case "needs-context":
      return `"${m.surface}" is ambiguous without Chinese context (could be ${options}); not counted`;
    case "ambiguous":
      return `"${m.surface}" is ambiguous: ${options}; not counted`;
    case "foreign":
      return `"${m.surface}" ignored: the address is outside China (${options})`;
    default:
      return assertNever(r.excluded);
  }
}
