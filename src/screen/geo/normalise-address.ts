import * as OpenCC from "opencc-js/t2cn";

let converter: ReturnType<typeof OpenCC.Converter> | undefined;

/**
 * Traditional (Taiwan, Hong Kong and generic) → Simplified, built once on first use: building it
 * takes a noticeable part of a CLI command's start-up, and most commands read no address.
 */
function toSimplified(text: string): string {
  const convert = converter ?? OpenCC.Converter({ from: "t", to: "cn" });
  converter = convert;
  return convert(text);
}

export interface NormalisedAddress {
  /** NFKC, Simplified Chinese, lower case, diacritics folded: the text every matcher scans. */
  readonly text: string;
  /** Latin and digit tokens in order, with their character offsets in `text`. */
  readonly tokens: readonly AddressToken[];
  /** True when the text holds Han characters (itself a sign of Chinese context). */
  readonly hasHan: boolean;
}

export interface AddressToken {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const HAN = /\p{Script=Han}/u;
const TOKEN = /[a-z0-9]+/g;

/**
 * Folds everything a writer may vary: full-width forms (NFKC), Traditional characters, case,
 * diacritics (Ürümqi → urumqi) and apostrophes inside words (Xi'an, Ka'shi), so a spelling
 * matches however it was typed.
 */
export function normaliseAddress(raw: string): NormalisedAddress {
  const nfkc = raw.normalize("NFKC");
  const simplified = HAN.test(nfkc) ? toSimplified(nfkc) : nfkc;
  const text = simplified
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/ı/g, "i")
    .replace(/(\p{L})['’‘`ʼ](\p{L})/gu, "$1$2")
    .normalize("NFC");
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    value: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  return { text, tokens, hasHan: HAN.test(text) };
}
