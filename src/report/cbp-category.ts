import type { SupplyRole } from "./package-input.ts";

/** The document categories CBP lists for an applicability review (DOMAIN.md, "What CBP asks for"). */
export const CBP_CATEGORIES = [
  "purchase-order",
  "commercial-invoice",
  "packing-list",
  "bill-of-lading",
  "certificate-of-origin",
  "production-record",
  "bale-lint-purchase-record",
  "spinning-record",
  "inventory-warehouse-receipt",
  "proof-of-payment",
  "transport-document",
  "bill-of-materials",
  "mill-certificate",
  "lab-test-report",
  "supplier-declaration",
  "translation",
] as const;

export type CbpCategory = (typeof CBP_CATEGORIES)[number];

export const CBP_CATEGORY_LABELS: Readonly<Record<CbpCategory, string>> = {
  "purchase-order": "Purchase order",
  "commercial-invoice": "Commercial invoice",
  "packing-list": "Packing list",
  "bill-of-lading": "Bill of lading / air waybill",
  "certificate-of-origin": "Certificate of origin",
  "production-record": "Production record",
  "bale-lint-purchase-record": "Bale / lint purchase record",
  "spinning-record": "Spinning record",
  "inventory-warehouse-receipt": "Inventory / warehouse receipt",
  "proof-of-payment": "Proof of payment",
  "transport-document": "Transport document",
  "bill-of-materials": "Bill of materials",
  "mill-certificate": "Mill certificate",
  "lab-test-report": "Lab test report",
  "supplier-declaration": "Supplier declaration",
  translation: "Translation",
};

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
