import {
  createFacilitiesSink,
  createMovementsSink,
  FACILITIES_REQUIRED,
  MOVEMENTS_REQUIRED,
  normaliseHeader,
  type SinkFactory,
} from "../csv/index.ts";
import { createOpenSupplyHubSink, OSH_REQUIRED } from "../osh/index.ts";

/**
 * Which template a sheet holds: by its name (`facilities`, `movements`), else by its header row
 * (the templates' required columns, or Open Supply Hub's country/name/address).
 */
export function chooseSheetSink(sheetName: string, header: readonly string[]): SinkFactory | undefined {
  const name = normaliseHeader(sheetName);
  if (name === "facilities") return createFacilitiesSink;
  if (name === "movements") return createMovementsSink;
  const cells = new Set(header.map(normaliseHeader));
  const hasAll = (required: readonly string[]) => required.every((c) => cells.has(c));
  if (hasAll(FACILITIES_REQUIRED)) return createFacilitiesSink;
  if (hasAll(MOVEMENTS_REQUIRED)) return createMovementsSink;
  if (hasAll(OSH_REQUIRED)) return createOpenSupplyHubSink;
  return undefined;
}
