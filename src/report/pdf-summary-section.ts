import { capList } from "./cap-rows.ts";
import type { EvidencePackage, VerdictKind } from "./evidence-package.ts";
import { formatShare } from "./format-figure.ts";
import {
  BOLD,
  bullets,
  COLOURS,
  contentWidth,
  facts,
  type Pdf,
  paragraph,
  REGULAR,
  subheading,
  table,
} from "./pdf-layout.ts";

export const VERDICT_COLOURS: Readonly<Record<VerdictKind, { readonly ink: string; readonly fill: string }>> =
  {
    "likely-to-succeed": { ink: COLOURS.green, fill: COLOURS.greenFill },
    "at-risk": { ink: COLOURS.amber, fill: COLOURS.amberFill },
    fails: { ink: COLOURS.red, fill: COLOURS.redFill },
  };

/** A coloured box with the verdict title and its reasons. */
export function verdictBox(doc: Pdf, pkg: EvidencePackage): void {
  const { verdict } = pkg.summary;
  const colours = VERDICT_COLOURS[verdict.kind];
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const reasons = capList(
    verdict.reasons.map((r) => `• ${r}`),
    REASONS_IN_BOX,
  );
  doc.font(BOLD).fontSize(12);
  const titleHeight = doc.heightOfString(verdict.title, { width: width - 20 });
  doc.font(REGULAR).fontSize(9.5);
  const reasonHeight = reasons ? doc.heightOfString(reasons, { width: width - 20, lineGap: 1.5 }) + 6 : 0;
  const y = doc.y;
  doc
    .rect(x, y, width, titleHeight + reasonHeight + 20)
    .lineWidth(1.5)
    .fillAndStroke(colours.fill, colours.ink);
  doc
    .font(BOLD)
    .fontSize(12)
    .fillColor(colours.ink)
    .text(verdict.title, x + 10, y + 10, { width: width - 20 });
  if (reasons)
    doc
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(COLOURS.text)
      .text(reasons, x + 10, doc.y + 6, { width: width - 20, lineGap: 1.5 });
  doc.x = x;
  doc.y = y + titleHeight + reasonHeight + 32;
}

export function drawSummary(doc: Pdf, pkg: EvidencePackage): void {
  const { summary, shipment } = pkg;
  const f = summary.figures;
  verdictBox(doc, pkg);
  subheading(doc, "The answer in plain language");
  bullets(
    doc,
    summary.sentences.map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    10.5,
  );
  subheading(doc, "Key figures");
  const red = (bad: boolean, text: string) => ({
    text,
    color: bad ? COLOURS.red : COLOURS.green,
    bold: true,
  });
  facts(doc, [
    ["Xinjiang share (traced)", red(f.xinjiangShare > 0, formatShare(f.xinjiangShare))],
    ["Untraced share", red(f.unknownShare > 0, formatShare(f.unknownShare))],
    [
      "Expected Xinjiang share",
      `${formatShare(f.expectedXinjiangShare)}${f.priors.length > 0 ? ` (prior ${f.priors.map((p) => `${p.value} for ${p.basis}`).join("; ")})` : ""}`,
    ],
    ["Worst-case Xinjiang share", red(f.worstCaseXinjiangShare > 0, formatShare(f.worstCaseXinjiangShare))],
    [
      "Listed entity in the chain",
      red(f.listedEntityInChain, f.listedEntityInChain ? `yes (${f.listedEntities.length})` : "no"),
    ],
    ["Open flags", red(f.openFlags > 0, String(f.openFlags))],
    ["Required documents missing", red(f.missingDocuments > 0, String(f.missingDocuments))],
  ]);
  subheading(doc, "The shipment");
  facts(doc, [
    [
      "Business transaction",
      shipment.bizTransactions.map((b) => `${b.type} ${b.id}`).join(", ") || shipment.id,
    ],
    ["Goods", shipment.hsCode ? `${shipment.goods} (HTS ${shipment.hsCode})` : shipment.goods],
    ["Quantity", `${shipment.quantity.value} ${shipment.quantity.unit}`],
    ["Lots", shipment.lots.join(", ")],
    ["Importer", shipment.importer.name],
    ["Exporter", shipment.exporter?.name ?? "not stated"],
    ["Entry number", shipment.entryNumber ?? "not stated"],
    [
      "Dates",
      Object.entries(shipment.dates)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "not stated",
    ],
  ]);
  drawOrigins(doc, pkg);
}

const REASONS_IN_BOX = 8;
const ORIGIN_CAP = { limit: 40, noun: "origin lots" } as const;
const LISTED_CAP = 20;

/** With hundreds of origin lots, the share per country and region is what a reader takes in. */
function drawOriginRegions(doc: Pdf, origins: EvidencePackage["summary"]["figures"]["origins"]): void {
  const shares = new Map<string, { share: number; lots: number }>();
  for (const o of origins) {
    const key = o.region ? `${o.country} · ${o.region}` : o.country;
    const before = shares.get(key) ?? { share: 0, lots: 0 };
    shares.set(key, { share: before.share + o.share, lots: before.lots + 1 });
  }
  table(
    doc,
    [
      { header: "Country / region", width: 0.55 },
      { header: "Origin lots", width: 0.2, align: "right" },
      { header: "Share", width: 0.25, align: "right" },
    ],
    [...shares]
      .toSorted((a, b) => b[1].share - a[1].share)
      .map(([place, { share, lots }]) => [
        place,
        String(lots),
        { text: formatShare(share), color: /xinjiang/i.test(place) ? COLOURS.red : COLOURS.text },
      ]),
  );
}

function drawOrigins(doc: Pdf, pkg: EvidencePackage): void {
  const f = pkg.summary.figures;
  const names = new Map(pkg.flowChart.nodes.map((n) => [n.id, n.name]));
  subheading(doc, "Where the cotton comes from");
  if (f.origins.length > ORIGIN_CAP.limit) drawOriginRegions(doc, f.origins);
  table(
    doc,
    [
      { header: "Origin lot", width: 0.3 },
      { header: "Farm / location", width: 0.3 },
      { header: "Country / region", width: 0.25 },
      { header: "Share", width: 0.15, align: "right" },
    ],
    f.origins.map((o) => [
      o.lot,
      names.get(o.location) ?? o.location,
      o.region ? `${o.country} · ${o.region}` : o.country,
      { text: formatShare(o.share), color: /xinjiang/i.test(o.region ?? "") ? COLOURS.red : COLOURS.text },
    ]),
    8.5,
    ORIGIN_CAP,
  );
  if (f.listedEntities.length === 0) return;
  subheading(doc, "Listed entities in the chain, with the path that proves it");
  for (const e of f.listedEntities.slice(0, LISTED_CAP))
    paragraph(
      doc,
      `${e.name} — ${e.listEntry} — at ${names.get(e.location) ?? e.location}\nPath: ${e.path.join(" → ")}`,
      {
        size: 9.5,
        color: COLOURS.red,
      },
    );
}
