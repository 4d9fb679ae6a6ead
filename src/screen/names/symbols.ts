import { foldText } from "./fold-text.ts";
import { lazy } from "./lazy.ts";
import type { NameKind } from "./name-token.ts";
import {
  OBJECT_PREFIXES,
  ORG_DOMAINS,
  ORG_PREFIXES,
  ORG_SYMBOLS,
  PERSON_NAME_PARTS,
  PERSON_NICKS,
  PERSON_PREFIXES,
} from "./tables/symbols.ts";

/**
 * rigour's symbol tables: spellings of one organisation word across languages (компания, kompania,
 * company → co) and nicknames / cross-script spellings of personal names (Bob → Robert).
 */
function variantMap(groups: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, variants] of Object.entries(groups)) {
    for (const variant of variants) {
      const folded = foldText(variant);
      if (folded && !folded.includes(" ") && !map.has(folded)) map.set(folded, key);
    }
  }
  return map;
}

const org = lazy(() => variantMap({ ...ORG_DOMAINS, ...ORG_SYMBOLS }));

function groupMap(groups: Readonly<Record<string, readonly string[]>>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const variants of Object.values(groups)) {
    const folded = [...new Set(variants.map((v) => foldText(v)).filter((v) => v && !v.includes(" ")))];
    for (const name of folded) map.set(name, [...(map.get(name) ?? []), ...folded.filter((f) => f !== name)]);
  }
  return map;
}

const person = lazy(() => groupMap({ ...PERSON_NICKS, ...PERSON_NAME_PARTS }));

/** The canonical organisation word for a variant, when rigour knows one and it differs. */
export function symbolOf(word: string): string | null {
  const key = org().get(word);
  return key && key !== word ? key : null;
}

/** Nicknames and other spellings of a personal name part. */
export function personForms(word: string): readonly string[] {
  return person().get(word) ?? [];
}

function prefixSet(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.map((p) => foldText(p)));
}

/** Words that may open a name and are not part of it (The, MV…), by kind. */
export const prefixes: () => Readonly<Record<NameKind, ReadonlySet<string>>> = lazy(() => ({
  person: prefixSet(PERSON_PREFIXES),
  company: prefixSet(ORG_PREFIXES),
  vessel: prefixSet(OBJECT_PREFIXES),
  unknown: prefixSet(ORG_PREFIXES),
}));
