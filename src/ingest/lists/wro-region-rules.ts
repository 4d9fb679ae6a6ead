import { type Provenance, provenance } from "../../model/index.ts";

/**
 * Withhold Release Orders that cover a region or a whole organisation rather than one named
 * entity. Kept as data so the tracer can apply them to origins (DOMAIN.md, "The law").
 */
export interface WroRegionRule {
  readonly typeName: "wro-region-rule";
  readonly id: string;
  /** What it covers: a region (GB/T 2260 code or ISO country) or an organisation and its subordinates. */
  readonly scope:
    | { readonly kind: "region"; readonly country: string; readonly divisionCode?: string }
    | { readonly kind: "organisation"; readonly name: string; readonly includesSubordinates: true };
  readonly products: readonly string[];
  readonly effectiveDate: string;
  /** Goods made from the covered products elsewhere (third countries) are covered too. */
  readonly includesDownstream: boolean;
  readonly notes: string;
  readonly provenance: Provenance;
}

const CBP = "https://www.cbp.gov/document/stats/withhold-release-orders-findings";

export const WRO_REGION_RULES: readonly WroRegionRule[] = [
  {
    typeName: "wro-region-rule",
    id: "wro:xuar-cotton-tomato",
    scope: { kind: "region", country: "CN", divisionCode: "650000" },
    products: ["cotton", "tomato"],
    effectiveDate: "2021-01-13",
    includesDownstream: true,
    notes:
      "Xinjiang Uyghur Autonomous Region, region-wide: cotton and tomato products, including goods made from them in third countries.",
    provenance: provenance(CBP, "WRO 2021-01-13 (XUAR cotton and tomato products)"),
  },
  {
    typeName: "wro-region-rule",
    id: "wro:xpcc-cotton",
    scope: {
      kind: "organisation",
      name: "Xinjiang Production and Construction Corps",
      includesSubordinates: true,
    },
    products: ["cotton"],
    effectiveDate: "2020-11-30",
    includesDownstream: true,
    notes:
      "XPCC and all its subordinate and affiliated entities: all cotton and cotton products, regardless of where they were finished (announced 2020-12-02).",
    provenance: provenance(CBP, "WRO 2020-11-30 (XPCC cotton)"),
  },
  {
    typeName: "wro-region-rule",
    id: "wro:turkmenistan-cotton",
    scope: { kind: "region", country: "TM" },
    products: ["cotton"],
    effectiveDate: "2018-05-18",
    includesDownstream: true,
    notes:
      "All Turkmenistan cotton and products made wholly or in part with it. The date is CBP's announcement; not in the bundled WRO CSV.",
    provenance: provenance(CBP, "WRO 2018-05-18 (Turkmenistan cotton)"),
  },
];
