import type { Importer } from "../importer.ts";
import { createFacilitiesSink } from "./facilities-sink.ts";
import { importCsvTable } from "./import-csv-table.ts";

/** facilities.csv (templates/README.md) → Locations, operating Parties, `owns` Links. */
export const importFacilitiesCsv: Importer = (input) => importCsvTable(input, createFacilitiesSink);
