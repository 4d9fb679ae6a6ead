export type { CbvVocabulary, VocabularyValue } from "./cbv-vocabulary.ts";
export { expandVocabulary, normaliseVocabulary } from "./cbv-vocabulary.ts";
export type { Sha256Hex, UnhashedEvent } from "./event-hash.ts";
export { computeEventId, computeEventPrehash, useSha256 } from "./event-hash.ts";
export { eventToEpcisJson } from "./event-to-json.ts";
export { importEpcisJson } from "./import-epcis-json.ts";
export { importEpcisXml } from "./import-epcis-xml.ts";
export type { EpcisExportInput } from "./write-epcis-json-ld.ts";
export { writeEpcisJsonLd } from "./write-epcis-json-ld.ts";
