import { keyPrefixes, keySuffixes } from "./key-prefixes.ts";
import { legalFormAliases } from "./legal-forms.ts";
import { glossaryByLatin, industryByLatin } from "./name-token.ts";
import { latinRegionStarts, latinRegions } from "./regions.ts";
import { PINYIN_SYLLABLES, splitPinyin } from "./split-pinyin.ts";

export interface Word {
  readonly text: string;
  readonly paren: boolean;
}

interface KnownWords {
  readonly suffix: Map<string, string>;
  readonly glossary: Map<string, string>;
  /** Ends of the suffix words and beginnings of the glossary words, closed up. */
  readonly suffixEnds: Set<string>;
  readonly glossaryStarts: Set<string>;
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
  if (!known) {
    const suffix = closedUp([...legalFormAliases(), ...industryByLatin().keys()]);
    const glossary = closedUp(glossaryByLatin().keys());
    known = {
      suffix,
      glossary,
      suffixEnds: keySuffixes(suffix.keys(), ""),
      glossaryStarts: keyPrefixes(glossary.keys(), ""),
    };
  }
  return known;
}

/** Administrative suffixes after a place name (Baoding Shi, Xinjiang Zizhiqu). */
const ADMIN_SUFFIXES = new Set(["shi", "sheng", "xian", "qu", "zizhiqu", "diqu", "zhou"]);

/**
 * The syllables run[start…] closed up, one entry per length up to `most`, stopping at the first
 * that begins no key in `starts` (no longer one can be a key). Index = number of syllables.
 */
function joinedFrom(
  run: readonly Word[],
  start: number,
  most: number,
  starts: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  let phrase = "";
  for (let size = 1; size <= most; size++) {
    phrase += run[start + size - 1]?.text ?? "";
    if (!starts.has(phrase)) break;
    out[size] = phrase;
  }
  return out;
}

/** The syllables before run[end] closed up, one entry per length; see `joinedFrom`. */
function joinedBefore(run: readonly Word[], end: number, most: number, ends: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let phrase = "";
  for (let size = 1; size <= most; size++) {
    phrase = (run[end - size]?.text ?? "") + phrase;
    if (!ends.has(phrase)) break;
    out[size] = phrase;
  }
  return out;
}

/** The longest known word at `start` (2 to 6 syllables), as [syllables used, spelling]. */
function longestAt(
  run: readonly Word[],
  start: number,
  end: number,
  words: KnownWords,
): [number, string] | null {
  const phrases = joinedFrom(run, start, Math.min(LONGEST_WORD, end - start), words.glossaryStarts);
  for (let size = phrases.length - 1; size >= 2; size--) {
    const form = words.glossary.get(phrases[size] as string);
    if (form) return [size, form];
  }
  return null;
}

const MIN_RUN = 3;
const LONGEST_WORD = 6;

/** Whether a long word opens into syllables, by its text: words recur, so each is worked out once. */
const openings = new Map<string, readonly string[] | null>();

function openingOf(text: string): readonly string[] | null {
  let opened = openings.get(text);
  if (opened === undefined) {
    const syllables = splitPinyin(text);
    const words = syllables?.map((t) => ({ text: t, paren: false })) ?? [];
    opened = syllables && syllables.length >= 4 && regroupRun(words).length > 1 ? syllables : null;
    if (openings.size >= 20_000) openings.clear();
    openings.set(text, opened);
  }
  return opened;
}

/**
 * A long word that reads wholly as pinyin (Changjiyidafangzhi…) is opened into syllables, but only
 * if regrouping finds a place, industry or legal form in it: "Netanyahu" also splits into
 * syllables (ne-tan-ya-hu) and must stay one word.
 */
function openRunTogether(words: readonly Word[]): readonly Word[] {
  let out: Word[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const syllables = word.text.length >= 8 ? openingOf(word.text) : null;
    if (syllables) {
      out ??= words.slice(0, i);
      for (const text of syllables) out.push({ text, paren: word.paren });
    } else out?.push(word);
  }
  return out ?? words;
}

/** Leading places: provinces and prefectures, then counties inside them, each with an optional admin suffix. */
function leadingPlaces(run: readonly Word[], out: Word[]): number {
  let i = 0;
  let parent: string | undefined;
  const starts = latinRegionStarts();
  for (let found = true; found; ) {
    found = false;
    const phrases = joinedFrom(run, i, Math.min(LONGEST_WORD, run.length - i - 1), starts);
    for (let size = phrases.length - 1; size >= 2; size--) {
      const form = phrases[size] as string;
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
function trailingWords(
  run: readonly Word[],
  start: number,
  known: KnownWords,
): { end: number; words: Word[] } {
  const words: Word[] = [];
  let end = run.length;
  for (let found = true; found && end - start >= 2; ) {
    found = false;
    const phrases = joinedBefore(run, end, Math.min(LONGEST_WORD, end - start), known.suffixEnds);
    for (let size = phrases.length - 1; size >= 2; size--) {
      const form = known.suffix.get(phrases[size] as string);
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
  const known = knownWords();
  const out: Word[] = [];
  const start = leadingPlaces(run, out);
  const { end, words: tail } = trailingWords(run, start, known);
  const paren = run[start]?.paren ?? false;
  let chunk = "";
  for (let i = start; i < end; ) {
    const hit = longestAt(run, i, end, known);
    if (hit) {
      if (chunk) out.push({ text: chunk, paren });
      chunk = "";
      for (const text of hit[1].split(" ")) out.push({ text, paren: run[i]?.paren ?? false });
      i += hit[0];
    } else {
      chunk += run[i]?.text ?? "";
      i++;
    }
  }
  if (chunk) out.push({ text: chunk, paren });
  for (const word of tail) out.push(word);
  return out;
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
  for (const word of opened) {
    if (PINYIN_SYLLABLES.has(word.text)) run.push(word);
    else {
      if (run.length > 0) endRun(run, out);
      run = [];
      out.push(word);
    }
  }
  if (run.length > 0) endRun(run, out);
  return out;
}

function endRun(run: readonly Word[], out: Word[]): void {
  const regrouped = run.length >= MIN_RUN ? regroupRun(run) : run;
  // A run that is one known word as a whole (Na Si Da → nasida) is regrouped too.
  const knownFound =
    regrouped.length > 1 || run.length < MIN_RUN || knownWords().glossary.has(regrouped[0]?.text ?? "");
  for (const word of knownFound ? regrouped : run) out.push(word);
}
