import { foldText } from "./fold-text.ts";
import { keyPrefixes, keySuffixes } from "./key-prefixes.ts";
import { lazy } from "./lazy.ts";
import { RIGOUR_LEGAL_FORMS } from "./tables/legal-forms.ts";

/** A legal form found in a name: the words as written, a display form and a generic class. */
export interface LegalForm {
  readonly text: string;
  readonly display: string;
  /** LLC, JSC, LP…; CORP and GROUP are weak designators that say little about the form. */
  readonly generic: string;
}

/**
 * What rigour's table lacks for Chinese registries and English renderings of them:
 * [display, generic, aliases separated by "|"].
 */
const EXTRA_FORMS: readonly (readonly [string, string, string])[] = [
  [
    "Co Ltd",
    "LLC",
    "有限责任公司|责任有限公司|有限公司|有限|youxian zeren gongsi|youxian gongsi|co ltd|company limited|co limited|company ltd|limited company|limited liability company",
  ],
  [
    "Co Ltd (by shares)",
    "JSC",
    "股份有限公司|股份公司|gufen youxian gongsi|gufen gongsi|company limited by shares|joint stock company|joint stock co|stock company|jsc",
  ],
  [
    "Group",
    "GROUP",
    "集团公司|集团|jituan gongsi|jituan|group|grp|group company|group co|group corporation|group holdings",
  ],
  ["Branch", "BRANCH", "分公司|分厂|fen gongsi|fengongsi|branch|branch office"],
  ["Factory", "FACTORY", "厂|总厂|chang|factory"],
  ["Co", "CORP", "公司|总公司|gongsi|company|co|corporation|corp|incorporated|inc|general company"],
  ["Ltd", "LLC", "limited|ltd|llc|lmtd|l l c"],
];

interface FormEntry {
  readonly form: Omit<LegalForm, "text">;
  readonly tokens: readonly string[];
}

function buildTable(): Map<string, FormEntry> {
  const table = new Map<string, FormEntry>();
  const add = (alias: string, display: string, generic: string) => {
    const folded = foldText(alias).replace(/[()]/g, " ").trim();
    // A one-letter "form" would eat initials (William G. Frost).
    if (folded.replace(/ /g, "").length < 2 || table.has(folded)) return;
    table.set(folded, {
      form: { display, generic: generic || display.toUpperCase() },
      tokens: folded.split(" "),
    });
  };
  // Our additions first: they give Chinese forms the classes a screening analyst expects.
  for (const [display, generic, aliases] of EXTRA_FORMS)
    for (const alias of aliases.split("|")) add(alias, display, generic);
  for (const [display, generic, aliases] of RIGOUR_LEGAL_FORMS)
    for (const alias of aliases) add(alias, display, generic);
  return table;
}

interface Tables {
  readonly table: Map<string, FormEntry>;
  readonly longest: number;
  /** Han legal forms, longest first, for suffix stripping in Chinese names. */
  readonly han: readonly string[];
  readonly starts: ReadonlySet<string>;
  readonly ends: ReadonlySet<string>;
}

const tables = lazy((): Tables => {
  const table = buildTable();
  return {
    table,
    longest: Math.max(...[...table.values()].map((e) => e.tokens.length)),
    han: [...table.keys()].filter((k) => /^\p{Script=Han}+$/u.test(k)).sort((a, b) => b.length - a.length),
    starts: keyPrefixes(table.keys(), " "),
    ends: keySuffixes(table.keys(), " "),
  };
});

/** Han legal forms, longest first, for suffix stripping in Chinese names. */
export function hanLegalForms(): readonly string[] {
  return tables().han;
}

export function legalFormOf(folded: string): LegalForm | null {
  const entry = tables().table.get(folded);
  return entry ? { text: folded, ...entry.form } : null;
}

/** The longest legal form made of tokens[start…], as a token count, or 0. */
export function legalFormLengthAt(tokens: readonly string[], start: number): number {
  const { table, longest, starts } = tables();
  const most = Math.min(longest, tokens.length - start);
  let found = 0;
  let phrase = "";
  for (let size = 1; size <= most; size++) {
    const word = tokens[start + size - 1] as string;
    phrase = size === 1 ? word : `${phrase} ${word}`;
    if (!starts.has(phrase)) break;
    if (table.has(phrase)) found = size;
  }
  return found;
}

/** The longest legal form ending at tokens[end - 1], as a token count, or 0. */
export function legalFormLengthBefore(tokens: readonly string[], end: number): number {
  const { table, longest, ends } = tables();
  const most = Math.min(longest, end);
  let found = 0;
  let phrase = "";
  for (let size = 1; size <= most; size++) {
    const word = tokens[end - size] as string;
    phrase = size === 1 ? word : `${word} ${phrase}`;
    if (!ends.has(phrase)) break;
    if (table.has(phrase)) found = size;
  }
  return found;
}

/** Strong forms (LLC, JSC…) decide agreement; CORP and GROUP are too loose to contradict anything. */
export function isWeakForm(form: LegalForm): boolean {
  return form.generic === "CORP" || form.generic === "GROUP" || form.generic === "BRANCH";
}

/** Every folded legal-form alias, for regrouping syllable-spaced pinyin ("you xian gong si"). */
export function legalFormAliases(): IterableIterator<string> {
  return tables().table.keys();
}
