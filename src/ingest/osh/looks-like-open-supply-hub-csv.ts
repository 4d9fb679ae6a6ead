import { csvHeaderCells } from "../csv/index.ts";
import { OSH_REQUIRED } from "./open-supply-hub-sink.ts";

/**
 * True when the first line is an Open Supply Hub list header: country, name and address, and not
 * a threadproof facilities template (which has facility_id and would also carry an address).
 */
export function looksLikeOpenSupplyHubCsv(head: string): boolean {
  const cells = new Set(csvHeaderCells(head));
  return OSH_REQUIRED.every((c) => cells.has(c)) && !cells.has("facility_id");
}
