/**
 * Romanises the alphabetic scripts that sanction and trade lists mix with Latin (Cyrillic, Greek,
 * Armenian, kana), one character at a time. Scripts without a table here (Arabic, Hebrew, Hangul,
 * Indic, Khmer) pass through unchanged and are compared in their own script.
 */
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ә: "a",
  ғ: "g",
  қ: "k",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  ђ: "dj",
  џ: "dz",
};

const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const ARMENIAN: Record<string, string> = {
  ա: "a",
  բ: "b",
  գ: "g",
  դ: "d",
  ե: "e",
  զ: "z",
  է: "e",
  ը: "y",
  թ: "t",
  ժ: "zh",
  ի: "i",
  լ: "l",
  խ: "kh",
  ծ: "ts",
  կ: "k",
  հ: "h",
  ձ: "dz",
  ղ: "gh",
  ճ: "ch",
  մ: "m",
  յ: "y",
  ն: "n",
  շ: "sh",
  ո: "o",
  չ: "ch",
  պ: "p",
  ջ: "j",
  ռ: "r",
  ս: "s",
  վ: "v",
  տ: "t",
  ր: "r",
  ց: "ts",
  ւ: "v",
  փ: "p",
  ք: "k",
  օ: "o",
  ֆ: "f",
};

// Katakana rows, romanised without the echo vowel on a final consonant (ク at a word end is "k").
const KANA_ROWS: readonly (readonly [string, string])[] = [
  ["アイウエオ", "a i u e o"],
  ["カキクケコ", "ka ki ku ke ko"],
  ["ガギグゲゴ", "ga gi gu ge go"],
  ["サシスセソ", "sa shi su se so"],
  ["ザジズゼゾ", "za ji zu ze zo"],
  ["タチツテト", "ta chi tsu te to"],
  ["ダヂヅデド", "da ji zu de do"],
  ["ナニヌネノ", "na ni nu ne no"],
  ["ハヒフヘホ", "ha hi fu he ho"],
  ["バビブベボ", "ba bi bu be bo"],
  ["パピプペポ", "pa pi pu pe po"],
  ["マミムメモ", "ma mi mu me mo"],
  ["ヤユヨ", "ya yu yo"],
  ["ラリルレロ", "ra ri ru re ro"],
  ["ワヲン", "wa o n"],
];

const KANA: Record<string, string> = Object.fromEntries(
  KANA_ROWS.flatMap(([chars, sounds]) => {
    const romaji = sounds.split(" ");
    return [...chars].map((char, i) => [char, romaji[i] ?? ""]);
  }),
);

function kana(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  // Hiragana maps onto katakana by a fixed offset.
  const katakana = code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : char;
  if (katakana === "ー" || katakana === "・") return katakana === "・" ? " " : "";
  if (katakana === "ッ") return "";
  return KANA[katakana];
}

/** Only ASCII and CJK unified ideographs (the main block and extension A). */
export function isAsciiOrIdeographs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && !(code >= 0x4e00 && code <= 0x9fff) && !(code >= 0x3400 && code <= 0x4dbf))
      return false;
  }
  return true;
}

/** Romanises one lower-case string; characters without a table pass through. */
export function transliterate(text: string): string {
  if (/^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]*$/u.test(text)) return text;
  // No table holds an ASCII character or a unified ideograph: Chinese names skip the loop.
  if (isAsciiOrIdeographs(text)) return text.replace(/([kgstdbp])u\b/g, "$1");
  let out = "";
  for (const char of text) {
    out += CYRILLIC[char] ?? GREEK[char] ?? ARMENIAN[char] ?? kana(char) ?? char;
  }
  // A kana syllable ending a word loses its echo vowel: バラク → barak, not baraku.
  return out.replace(/([kgstdbp])u\b/g, "$1");
}
