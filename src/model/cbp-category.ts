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

/**
 * Short names people type, CBV business-transaction types among them (`po`, `inv`, `bol`,
 * `desadv`, `prodorder`, `recadv`), so a document can be typed the way its transaction is.
 */
const ALIASES: Readonly<Record<string, CbpCategory>> = {
  po: "purchase-order",
  inv: "commercial-invoice",
  invoice: "commercial-invoice",
  pl: "packing-list",
  desadv: "packing-list",
  bol: "bill-of-lading",
  bl: "bill-of-lading",
  "b l": "bill-of-lading",
  awb: "bill-of-lading",
  "air waybill": "bill-of-lading",
  waybill: "bill-of-lading",
  coo: "certificate-of-origin",
  "origin certificate": "certificate-of-origin",
  prodorder: "production-record",
  production: "production-record",
  bale: "bale-lint-purchase-record",
  lint: "bale-lint-purchase-record",
  "bale record": "bale-lint-purchase-record",
  "lint purchase record": "bale-lint-purchase-record",
  spinning: "spinning-record",
  recadv: "inventory-warehouse-receipt",
  inventory: "inventory-warehouse-receipt",
  "warehouse receipt": "inventory-warehouse-receipt",
  grn: "inventory-warehouse-receipt",
  payment: "proof-of-payment",
  "bank record": "proof-of-payment",
  transport: "transport-document",
  cmr: "transport-document",
  bom: "bill-of-materials",
  "mill cert": "mill-certificate",
  lab: "lab-test-report",
  "lab test": "lab-test-report",
  "test report": "lab-test-report",
  declaration: "supplier-declaration",
};

function words(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const BY_WORDS: ReadonlyMap<string, CbpCategory> = new Map([
  ...CBP_CATEGORIES.map((c) => [words(c), c] as const),
  ...CBP_CATEGORIES.map((c) => [words(CBP_CATEGORY_LABELS[c]), c] as const),
  ...Object.entries(ALIASES).map(([alias, c]) => [words(alias), c] as const),
]);

/** A category from its id, its label or a common alias (`bol`, `"commercial invoice"`); undefined if none. */
export function parseCbpCategory(raw: string): CbpCategory | undefined {
  return BY_WORDS.get(words(raw));
}
