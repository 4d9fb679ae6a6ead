export type { UnhashedEvent } from "./event-hash.ts";
export { computeEventId } from "./event-hash.ts";
