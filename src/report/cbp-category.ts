import { CBP_CATEGORIES, CBP_CATEGORY_LABELS, type CbpCategory } from "../model/index.ts";
import type { SupplyRole } from "./package-input.ts";

// The categories themselves are model vocabulary (the registry types documents by them too).
export { CBP_CATEGORIES, CBP_CATEGORY_LABELS, type CbpCategory };

export const ROLE_LABELS: Readonly<Record<SupplyRole, string>> = {
  origin: "Origin (farm)",
  gin: "Gin",
  trader: "Trader",
  spinner: "Spinner",
  "fabric-mill": "Fabric mill",
  dyehouse: "Dyehouse",
  "garment-factory": "Garment factory",
  warehouse: "Warehouse",
  importer: "Importer",
};

/**
 * What CBP expects at a facility of each role (production and custody records). Transfers between
 * facilities and the import itself have their own lists below. Farms rarely keep records CBP can
 * read; the gin's bale and lint purchase records carry the origin instead.
 */
export const NODE_REQUIREMENTS: Readonly<Record<SupplyRole, readonly CbpCategory[]>> = {
  origin: ["certificate-of-origin"],
  gin: ["bale-lint-purchase-record", "production-record"],
  trader: ["inventory-warehouse-receipt"],
  spinner: ["spinning-record", "mill-certificate"],
  "fabric-mill": ["production-record", "mill-certificate"],
  dyehouse: ["production-record"],
  "garment-factory": ["production-record", "bill-of-materials"],
  warehouse: ["inventory-warehouse-receipt"],
  importer: [],
};

/** Every sale between two facilities: who ordered, billed, packed, moved and paid. */
export const TRANSFER_REQUIREMENTS: readonly CbpCategory[] = [
  "purchase-order",
  "commercial-invoice",
  "packing-list",
  "transport-document",
  "proof-of-payment",
];

/** The import entry itself. */
export const SHIPMENT_REQUIREMENTS: readonly CbpCategory[] = [
  "bill-of-lading",
  "commercial-invoice",
  "packing-list",
  "certificate-of-origin",
];

/** Asked for, never sufficient alone: shown as "not provided", not counted as missing. */
export const SUPPORTING_CATEGORIES: readonly CbpCategory[] = ["lab-test-report", "supplier-declaration"];
