export type { UnhashedEvent } from "./event-hash.ts";
export { computeEventId, computeEventPrehash } from "./event-hash.ts";
export { importEpcisJson } from "./import-epcis-json.ts";
export { importEpcisXml } from "./import-epcis-xml.ts";
