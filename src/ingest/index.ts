export type { ImportInput, Importer } from "./importer.ts";
export { CHUNK_RECORDS } from "./importer.ts";
