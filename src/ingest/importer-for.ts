import {
  importFacilitiesCsv,
  importMovementsCsv,
  looksLikeFacilitiesCsv,
  looksLikeMovementsCsv,
} from "./csv/index.ts";
import { detectFormat, type ImportFormat } from "./detect-format.ts";
import { importEpcisJson, importEpcisXml } from "./epcis/index.ts";
import { importFtmJsonLines, looksLikeFtmJsonLines } from "./ftm/index.ts";
import type { Importer } from "./importer.ts";
import { importOpenSupplyHubCsv, looksLikeOpenSupplyHubCsv } from "./osh/index.ts";
import { importXlsx } from "./xlsx/index.ts";

const IMPORTERS: Readonly<Record<ImportFormat, Importer>> = {
  "epcis-json": importEpcisJson,
  "epcis-xml": importEpcisXml,
  "facilities-csv": importFacilitiesCsv,
  "movements-csv": importMovementsCsv,
  "osh-csv": importOpenSupplyHubCsv,
  "ftm-json": importFtmJsonLines,
  xlsx: importXlsx,
};

export function importerFor(format: ImportFormat): Importer {
  return IMPORTERS[format];
}

/** Detects a file's format from its first bytes with every importer's own sniffer. */
export function detectImportFormat(head: Uint8Array, fileName: string): ImportFormat | undefined {
  return detectFormat(head, fileName, {
    facilities: looksLikeFacilitiesCsv,
    movements: looksLikeMovementsCsv,
    openSupplyHub: looksLikeOpenSupplyHubCsv,
    ftm: looksLikeFtmJsonLines,
  });
}
