import { legalFormAliases } from "./legal-forms.ts";
import { GLOSSARY_BY_LATIN, INDUSTRY_BY_LATIN } from "./name-token.ts";
import { latinRegions } from "./regions.ts";
import { PINYIN_SYLLABLES, splitPinyin } from "./split-pinyin.ts";

export interface Word {
  readonly text: string;
  readonly paren: boolean;
}

interface KnownWords {
  readonly suffix: Map<string, string>;
  readonly glossary: Map<string, string>;
}

let known: KnownWords | undefined;

function closedUp(forms: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const form of forms) {
    const closed = form.replace(/ /g, "");
    if (/^[a-z]+$/.test(closed) && !map.has(closed)) map.set(closed, form);
  }
  return map;
}

/** Closed-up pinyin of known words → their spelling: legal forms and industries end a name. */
function knownWords(): KnownWords {
  known ??= {
    suffix: closedUp([...legalFormAliases(), ...INDUSTRY_BY_LATIN.keys()]),
    glossary: closedUp(GLOSSARY_BY_LATIN.keys()),
  };
  return known;
}

/** Administrative suffixes after a place name (Baoding Shi, Xinjiang Zizhiqu). */
const ADMIN_SUFFIXES = new Set(["shi", "sheng", "xian", "qu", "zizhiqu", "diqu", "zhou"]);

function joined(run: readonly Word[], start: number, size: number): string {
  return run
    .slice(start, start + size)
    .map((w) => w.text)
    .join("");
}

/** The longest known word at `start` (2 to 6 syllables), as [syllables used, spelling]. */
function longestAt(
  run: readonly Word[],
  start: number,
  end: number,
  map: Map<string, string>,
): [number, string] | null {
  for (let size = Math.min(LONGEST_WORD, end - start); size >= 2; size--) {
    const form = map.get(joined(run, start, size));
    if (form) return [size, form];
  }
  return null;
}

const MIN_RUN = 3;
const LONGEST_WORD = 6;

/**
 * A long word that reads wholly as pinyin (Changjiyidafangzhi…) is opened into syllables, but only
 * if regrouping finds a place, industry or legal form in it: "Netanyahu" also splits into
 * syllables (ne-tan-ya-hu) and must stay one word.
 */
function openRunTogether(words: readonly Word[]): Word[] {
  return words.flatMap((word) => {
    const syllables = word.text.length >= 8 ? splitPinyin(word.text) : null;
    if (!syllables || syllables.length < 4) return [word];
    const opened = syllables.map((text) => ({ text, paren: word.paren }));
    return regroupRun(opened).length > 1 ? opened : [word];
  });
}

/** Leading places: provinces and prefectures, then counties inside them, each with an optional admin suffix. */
function leadingPlaces(run: readonly Word[], out: Word[]): number {
  let i = 0;
  let parent: string | undefined;
  for (let found = true; found; ) {
    found = false;
    for (let size = Math.min(LONGEST_WORD, run.length - i - 1); size >= 2; size--) {
      const form = joined(run, i, size);
      const place = latinRegions(form).find(
        (r) => r.level < 2 || (parent !== undefined && r.code.startsWith(parent)),
      );
      if (!place) continue;
      parent = place.code;
      out.push({ text: form, paren: run[i]?.paren ?? false });
      i += size;
      if (ADMIN_SUFFIXES.has(run[i]?.text ?? "")) i++;
      found = true;
      break;
    }
  }
  return i;
}

/** Trailing legal forms and industry words, found from the right. */
function trailingWords(run: readonly Word[], start: number): { end: number; words: Word[] } {
  const words: Word[] = [];
  let end = run.length;
  for (let found = true; found && end - start >= 2; ) {
    found = false;
    for (let size = Math.min(LONGEST_WORD, end - start); size >= 2; size--) {
      const form = knownWords().suffix.get(joined(run, end - size, size));
      if (!form) continue;
      words.unshift(...form.split(" ").map((text) => ({ text, paren: run[end - size]?.paren ?? false })));
      end -= size;
      found = true;
      break;
    }
  }
  return { end, words };
}

/** Regroups one run of single syllables into place + trade name + industry + legal form. */
function regroupRun(run: readonly Word[]): Word[] {
  const out: Word[] = [];
  const start = leadingPlaces(run, out);
  const { end, words: tail } = trailingWords(run, start);
  let chunk = "";
  const flush = () => {
    if (chunk) out.push({ text: chunk, paren: run[start]?.paren ?? false });
    chunk = "";
  };
  for (let i = start; i < end; ) {
    const hit = longestAt(run, i, end, knownWords().glossary);
    if (hit) {
      flush();
      out.push(...hit[1].split(" ").map((text) => ({ text, paren: run[i]?.paren ?? false })));
      i += hit[0];
    } else {
      chunk += run[i]?.text ?? "";
      i++;
    }
  }
  flush();
  return [...out, ...tail];
}

/**
 * Registry romanisations write Chinese names one syllable at a time ("Chang Ji Yi Da Fang Zhi You
 * Xian Gong Si") or all run together. Runs of three or more single syllables are regrouped into
 * the words the gazetteer, the industry dictionary and the legal-form table know, and what is left
 * between them is closed up as the trade name (Yi Da → yida).
 */
export function regroupPinyin(words: readonly Word[]): Word[] {
  const opened = openRunTogether(words);
  const out: Word[] = [];
  let run: Word[] = [];
  const end = () => {
    const regrouped = run.length >= MIN_RUN ? regroupRun(run) : run;
    // A run that is one known word as a whole (Na Si Da → nasida) is regrouped too.
    const knownFound =
      regrouped.length > 1 || run.length < MIN_RUN || knownWords().glossary.has(regrouped[0]?.text ?? "");
    out.push(...(knownFound ? regrouped : run));
    run = [];
  };
  for (const word of opened) {
    if (PINYIN_SYLLABLES.has(word.text)) run.push(word);
    else {
      end();
      out.push(word);
    }
  }
  end();
  return out;
}
