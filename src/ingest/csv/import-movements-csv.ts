import type { Importer } from "../importer.ts";
import { importCsvTable } from "./import-csv-table.ts";
import { createMovementsSink } from "./movements-sink.ts";

/** movements.csv (templates/README.md) → SupplyEvents with GS1 event-hash ids, Lots, DocumentRefs. */
export const importMovementsCsv: Importer = (input) => importCsvTable(input, createMovementsSink);
