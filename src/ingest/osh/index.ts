export { importOpenSupplyHubCsv } from "./import-open-supply-hub-csv.ts";
export { looksLikeOpenSupplyHubCsv } from "./looks-like-open-supply-hub-csv.ts";
export { createOpenSupplyHubSink, facilityId, normaliseForId, OSH_REQUIRED } from "./open-supply-hub-sink.ts";
