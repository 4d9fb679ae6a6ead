import { gazetteer } from "./gazetteer.ts";
import type { Mention } from "./mention.ts";
import type { NormalisedAddress } from "./normalise-address.ts";

/** XPCC divisions (师) and the city each administers (DOMAIN.md; 11th and 12th sit in Urumqi). */
const DIVISION_SEATS: Readonly<Record<number, string>> = {
  1: "659002",
  2: "659006",
  3: "659003",
  4: "659008",
  5: "659007",
  6: "659004",
  7: "659010",
  8: "659001",
  9: "659012",
  10: "659005",
  11: "650100",
  12: "650100",
  13: "659011",
  14: "659009",
};
const HAN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
};

/** 一五二 → 152, 十二 → 12, 六十二 → 62, 152 → 152. */
export function parseNumeral(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (ORDINALS[s] !== undefined) return ORDINALS[s];
  if (!s.includes("十")) {
    const d = [...s].map((c) => HAN_DIGITS[c]);
    return d.length > 0 && d.every((x) => x !== undefined) ? Number(d.join("")) : undefined;
  }
  const [tens = "", units = ""] = s.split("十");
  const t = tens ? HAN_DIGITS[tens] : 1;
  const u = units ? HAN_DIGITS[units] : 0;
  return t === undefined || u === undefined ? undefined : t * 10 + u;
}

const N = "([零〇一二三四五六七八九十]+|\\d+)";
const LATIN_N =
  "(\\d+|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth)";
/** Markers that name the Corps itself; they need no other context. */
const CORPS =
  /新疆生产建设兵团|生产建设兵团|兵团|团场|\bxpcc\b|\bbingtuan\b|production\s+(?:and\s+)?construction\s+corps|\btuanchang\b/gu;
/** 农一师, 第一师 (not 第一师范, a teachers' college), agricultural division N, Nth division. */
const DIVISIONS = new RegExp(
  `农${N}师|第${N}师(?!范)|(?:agricultur(?:e|al)|nong)\\s*${LATIN_N}(?:st|nd|rd|th)?\\s*division|${LATIN_N}(?:st|nd|rd|th)?\\s+(?:agricultural\\s+)?division\\b|division\\s+(?:no\\.?\\s*)?(\\d+)\\b`,
  "gu",
);
/** 一五零团, 150团, 150th Regiment, Regiment 150, Regiment No. 150. */
const REGIMENTS = new RegExp(
  `${N}团(?!体|队|购|结|员|长)|${LATIN_N}(?:st|nd|rd|th)?\\s+regiment\\b|regiment\\s+(?:no\\.?\\s*)?(\\d+)\\b|(\\d+)\\s*tuan\\b`,
  "gu",
);

function firstNumber(m: RegExpMatchArray): number | undefined {
  const raw = m.slice(1).find((g) => g !== undefined);
  return raw === undefined ? undefined : parseNumeral(raw);
}

function divisionMentions(text: string): Mention[] {
  return [...text.matchAll(DIVISIONS)].flatMap((m) => {
    const n = firstNumber(m);
    const seat = n === undefined ? undefined : DIVISION_SEATS[n];
    if (!seat) return [];
    const han = /[师]/u.test(m[0]);
    return [
      {
        kind: "xpcc",
        surface: m[0],
        start: m.index,
        candidates: [seat],
        strength: han ? "strong" : "context",
        xpcc: true,
      } as const,
    ];
  });
}

function regimentMentions(text: string): Mention[] {
  const regiments = gazetteer().regiments;
  return [...text.matchAll(REGIMENTS)].flatMap((m) => {
    const n = firstNumber(m);
    const code = n === undefined ? undefined : regiments.get(n);
    if (!code) return [];
    // A bare 一团/二团 is an everyday word; a small number counts only after 兵团 or 师.
    const han = m[0].endsWith("团") && !/tuan$/.test(m[0]);
    const anchored = /(?:兵团|师)\s*$/u.test(text.slice(Math.max(0, m.index - 4), m.index));
    if (han && (n ?? 0) < 100 && !anchored) return [];
    return [
      {
        kind: "xpcc",
        surface: m[0],
        start: m.index,
        candidates: [code],
        strength: han ? "strong" : "context",
        xpcc: true,
      } as const,
    ];
  });
}

/** XPCC markers: the Corps by name, its divisions (师) and regiments (团). */
export function findXpccMentions(address: NormalisedAddress): Mention[] {
  const text = address.text;
  const corps: Mention[] = [...text.matchAll(CORPS)].map((m) => ({
    kind: "xpcc",
    surface: m[0],
    start: m.index,
    candidates: ["650000"],
    strength: m[0] === "tuanchang" ? "context" : "strong",
    xpcc: true,
  }));
  return [...corps, ...divisionMentions(text), ...regimentMentions(text)];
}
