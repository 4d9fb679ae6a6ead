import { gazetteer } from "./gazetteer.ts";
import type { Mention } from "./mention.ts";

const HAN = /\p{Script=Han}/u;
/** A street named after a place (乌鲁木齐中路, 新疆路, 喀什东路); 街道 is a subdistrict, not a street. */
const STREET_AFTER = /^[东西南北中]?[一二三四五六七八九十\d]*(?:路|大街|大道|巷|弄|街(?!道)|道(?!班))/u;
const ADMIN_SUFFIX = /(?:省|市|区|县|州|盟|旗|地区)$/u;
/** Words that turn a place name into something else (哈密瓜 Hami melon). */
const NOT_A_PLACE_AFTER = /^(?:瓜|大枣|红枣)/u;

function longestAt(text: string, i: number): string | undefined {
  const g = gazetteer();
  const longest = g.hanMaxLength.get(text[i] ?? "") ?? 0;
  for (let len = Math.min(longest, text.length - i); len >= 2; len--) {
    const candidate = text.slice(i, i + len);
    if (g.han.has(candidate)) return candidate;
  }
  return undefined;
}

/** Chinese-script place names, longest match first, left to right. */
export function findHanMentions(text: string): Mention[] {
  const g = gazetteer();
  const out: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const found = HAN.test(ch) ? longestAt(text, i) : undefined;
    if (!found) {
      i++;
      continue;
    }
    const after = text.slice(i + found.length, i + found.length + 6);
    if (!NOT_A_PLACE_AFTER.test(after)) {
      out.push({
        kind: "name",
        surface: found,
        start: i,
        candidates: g.han.get(found) ?? [],
        strength: "strong",
        // 石河子市北三路 is a city then a road; 乌鲁木齐中路 (no admin suffix) is the road itself.
        ...(!ADMIN_SUFFIX.test(found) && STREET_AFTER.test(after) ? { street: true } : {}),
      });
    }
    i += found.length;
  }
  return out;
}
