import { importCsvTable } from "../csv/index.ts";
import type { Importer } from "../importer.ts";
import { createOpenSupplyHubSink } from "./open-supply-hub-sink.ts";

/** An Open Supply Hub facility list as CSV (raw or geocoded) → Locations, Parties, Links. */
export const importOpenSupplyHubCsv: Importer = (input) => importCsvTable(input, createOpenSupplyHubSink);
