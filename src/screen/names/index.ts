export type { AlignedPair, Alignment } from "./align-tokens.ts";
export { alignTokens } from "./align-tokens.ts";
export { countryCode } from "./countries.ts";
export { foldText, simplifyHan, stripDiacritics } from "./fold-text.ts";
export type { LegalForm } from "./legal-forms.ts";
export type { MatchOptions, NameMatch, NameMatchResult, NameQuery } from "./match-name.ts";
export { matchName } from "./match-name.ts";
export type { IndexPart, NameEntry, NameIndex } from "./name-index.ts";
export {
  buildNameIndex,
  candidateNames,
  candidates,
  firstNames,
  IndexKeyer,
  joinIndexParts,
  rarityOf,
} from "./name-index.ts";
export type { NameKind, NameToken, TokenRole } from "./name-token.ts";
export type { NormalisedName, NormaliseOptions } from "./normalise-name.ts";
export { normaliseName } from "./normalise-name.ts";
export type { ChineseNameParts } from "./parse-chinese-name.ts";
export { parseChineseName } from "./parse-chinese-name.ts";
export type { RegionRef } from "./regions.ts";
export type { Agreement, NameContext, NameFeatures, NameScore, ScoreOptions } from "./score-names.ts";
export { DEFAULT_THRESHOLD, NAME_ALGORITHM, scoreNames } from "./score-names.ts";
export { PINYIN_SYLLABLES, splitPinyin } from "./split-pinyin.ts";
export { stringSimilarity } from "./token-similarity.ts";
export type { Uscc, UsccResult } from "./uscc.ts";
export { isXinjiangUscc, isXpccUscc, parseUscc, usccCheckCharacter, usccRegion } from "./uscc.ts";
