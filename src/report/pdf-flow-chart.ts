import { aggregateFlowChart, MAX_NODES_PER_COLUMN } from "./aggregate-flow-chart.ts";
import { ROLE_LABELS } from "./cbp-category.ts";
import type { FlowChart, FlowNode } from "./evidence-package.ts";
import { formatKg, formatShare } from "./format-figure.ts";
import {
  FLOW_CHART_METRICS,
  type FlowChartLayout,
  layoutFlowChart,
  type Point,
  type PositionedNode,
  type RoutedEdge,
} from "./layout-flow-chart.ts";
import { BOLD, COLOURS, type Pdf, REGULAR } from "./pdf-layout.ts";

const PAGE = { margin: 36, top: 84, legend: 58 } as const;
const MAX_SCALE = 1.35;
/** Narrowest box that still holds a Chinese company name in three lines at 7.5 pt. */
const MIN_NODE_WIDTH = 76;

/** Fit the columns to the page width at scale 1 where possible, so text prints at its nominal size. */
function fitLayout(chart: FlowChart, areaWidth: number): FlowChartLayout {
  const { columns } = layoutFlowChart(chart);
  const { columnGap } = FLOW_CHART_METRICS;
  const fitted = (areaWidth - (columns - 1) * columnGap) / Math.max(1, columns);
  const nodeWidth = Math.max(MIN_NODE_WIDTH, Math.min(150, fitted));
  return layoutFlowChart(chart, { ...FLOW_CHART_METRICS, nodeWidth });
}

/**
 * The flow chart as vector graphics on a landscape page: boxes per facility, columns per tier,
 * arrows per lot movement, the shipped path bold and risky facilities red. The whole layout is
 * scaled to the page so a large chain still fits (the per-tier tables carry every detail).
 */
export function drawFlowChart(doc: Pdf, full: FlowChart, title: string): void {
  const chart = aggregateFlowChart(full);
  const grouped = chart.nodes.length < full.nodes.length;
  const areaWidth = doc.page.width - 2 * PAGE.margin;
  const layout = fitLayout(chart, areaWidth);
  const areaHeight = doc.page.height - PAGE.top - PAGE.legend - PAGE.margin;
  const scale = Math.min(
    MAX_SCALE,
    areaWidth / Math.max(1, layout.width),
    (areaHeight - 36) / Math.max(1, layout.height),
  );
  const ox = PAGE.margin + (areaWidth - layout.width * scale) / 2;
  const oy = PAGE.top + 36 + (areaHeight - 36 - layout.height * scale) / 2;
  doc.font(BOLD).fontSize(17).fillColor(COLOURS.text).text(title, PAGE.margin, 40, { lineBreak: false });
  doc
    .font(REGULAR)
    .fontSize(9)
    .fillColor(COLOURS.muted)
    .text(
      grouped
        ? `Raw cotton (left) to the imported goods (right). Figures are kg moved. Tiers of more than ${MAX_NODES_PER_COLUMN} facilities are drawn as groups (${full.nodes.length} facilities in all: section 3 and package.json list each).`
        : "Raw cotton (left) to the imported goods (right). Figures are kg moved between facilities.",
      PAGE.margin,
      60,
      {
        lineBreak: false,
      },
    );
  drawColumnHeaders(doc, layout, ox, scale);
  doc.save();
  doc.translate(ox, oy).scale(scale);
  for (const edge of [...layout.edges].sort(
    (a, b) => Number(a.edge.onShippedPath) - Number(b.edge.onShippedPath),
  ))
    drawEdge(doc, edge);
  for (const node of layout.nodes) drawNode(doc, node);
  for (const edge of layout.edges) drawEdgeLabel(doc, edge);
  doc.restore();
  drawLegend(doc, doc.page.height - PAGE.margin - PAGE.legend + 14);
}

function drawColumnHeaders(doc: Pdf, layout: FlowChartLayout, ox: number, scale: number): void {
  for (let c = 0; c < layout.columns; c++) {
    const inColumn = layout.nodes.filter((n) => n.column === c);
    const first = inColumn[0];
    if (!first) continue;
    const roles = [...new Set(inColumn.map((n) => ROLE_LABELS[n.node.role]))].join(" / ");
    doc
      .font(BOLD)
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(`TIER ${c + 1}\n${roles}`, ox + first.x * scale, PAGE.top, {
        width: first.width * scale,
        align: "center",
        height: 34,
        ellipsis: true,
      });
  }
}

/**
 * Through the gaps between columns as S-curves with horizontal ends (their control points stay
 * inside the gap, so a curve never enters a box), and straight through a skipped column's slot.
 */
function drawEdge(doc: Pdf, routed: RoutedEdge): void {
  const { start, end, edge, via } = routed;
  const colour = edge.onShippedPath ? COLOURS.path : COLOURS.faint;
  const points = [start, ...via, { x: end.x - 5, y: end.y }];
  doc.moveTo(start.x, start.y);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    // Even steps cross a gap; odd ones run through a skipped column's slot.
    if (i % 2 === 0) doc.lineTo(b.x, b.y);
    else {
      const bend = (b.x - a.x) / 2;
      doc.bezierCurveTo(a.x + bend, a.y, b.x - bend, b.y, b.x, b.y);
    }
  }
  doc.lineWidth(edge.onShippedPath ? 2.2 : 0.9).strokeColor(colour);
  if (!edge.onShippedPath) doc.dash(3, { space: 2 });
  doc.stroke().undash();
  doc
    .moveTo(end.x, end.y)
    .lineTo(end.x - 7, end.y - 3.5)
    .lineTo(end.x - 7, end.y + 3.5)
    .closePath()
    .fill(colour);
}

/** In the first gap the edge crosses, shrunk to the gap so it never covers a box. */
function drawEdgeLabel(doc: Pdf, routed: RoutedEdge): void {
  const { start, edge } = routed;
  const end = routed.via[0] ?? routed.end;
  const kg = edge.kg >= 1000 ? Math.round(edge.kg) : edge.kg;
  const lines = edge.share === null ? [formatKg(kg)] : [formatKg(kg), formatShare(edge.share)];
  doc.font(edge.onShippedPath ? BOLD : REGULAR).fontSize(6.5);
  const natural = Math.max(...lines.map((l) => doc.widthOfString(l))) + 4;
  const gap = end.x - start.x - 2;
  if (natural > gap) doc.fontSize(Math.max(4.5, (6.5 * gap) / natural));
  const width = Math.min(natural, Math.max(...lines.map((l) => doc.widthOfString(l))) + 4);
  const x = (start.x + end.x) / 2 - width / 2;
  const y = (start.y + end.y) / 2 - (lines.length * 8) / 2;
  doc.rect(x, y, width, lines.length * 8 + 1).fill("#ffffff");
  doc.fillColor(edge.onShippedPath ? COLOURS.text : COLOURS.muted);
  lines.forEach((line, i) => {
    // A height keeps pdfkit from starting a new page when a scaled label sits below the page's maxY.
    doc.text(line, x + 2, y + 1 + i * 8, { width: width - 4, height: 9, align: "center", lineBreak: false });
  });
}

function drawNode(doc: Pdf, positioned: PositionedNode): void {
  const { node, x, y, width, height } = positioned;
  const stroke = node.risky ? COLOURS.red : node.onShippedPath ? COLOURS.path : COLOURS.faint;
  doc
    .roundedRect(x, y, width, height, 4)
    .lineWidth(node.onShippedPath ? 2 : 0.8)
    .fillAndStroke(node.risky ? COLOURS.redFill : "#ffffff", stroke);
  const pad = 4;
  const inner = width - 2 * pad;
  // Each line flows below the previous one; `height` caps how many lines a field may take.
  const field = (
    text: string,
    maxHeight: number,
    style: { size?: number; bold?: boolean; color?: string } = {},
  ): void => {
    doc
      .font(style.bold ? BOLD : REGULAR)
      .fontSize(style.size ?? 6.5)
      .fillColor(style.color ?? COLOURS.muted)
      .text(text, x + pad, doc.y, { width: inner, height: maxHeight, ellipsis: true, lineGap: -0.5 });
  };
  doc.y = y + 4;
  field(roleLine(node), 9, { bold: true, color: node.risky ? COLOURS.red : COLOURS.muted });
  field(node.name, 33, { size: 7.5, color: COLOURS.text });
  doc.y += 1;
  field(placeLine(node), 19);
  field(node.inputKg === null ? "in: not reported" : `in ${formatKg(node.inputKg)}`, 9);
  field(node.outputKg === null ? "out: not reported" : `out ${formatKg(node.outputKg)}`, 9);
  if (node.risky)
    field(`RISK: ${node.risks.map((r) => r.code).join(", ")}`, 19, { bold: true, color: COLOURS.red });
}

function roleLine(node: FlowNode): string {
  return ROLE_LABELS[node.role].toUpperCase();
}

function placeLine(node: FlowNode): string {
  return node.region ? `${node.country} · ${node.region}` : node.country;
}

function drawLegend(doc: Pdf, y: number): void {
  const x = PAGE.margin;
  doc.roundedRect(x, y, 22, 12, 2).lineWidth(1.5).fillAndStroke(COLOURS.redFill, COLOURS.red);
  doc
    .font(REGULAR)
    .fontSize(8.5)
    .fillColor(COLOURS.text)
    .text("Risky facility (listed entity, Xinjiang, false claim, untraced input)", x + 28, y + 2, {
      lineBreak: false,
    });
  const x2 = x + 350;
  doc
    .moveTo(x2, y + 6)
    .lineTo(x2 + 22, y + 6)
    .lineWidth(2.2)
    .strokeColor(COLOURS.path)
    .stroke();
  doc.text("Path of the shipped lot (bold box and arrow)", x2 + 28, y + 2, { lineBreak: false });
  const x3 = x + 580;
  doc
    .moveTo(x3, y + 6)
    .lineTo(x3 + 22, y + 6)
    .lineWidth(0.9)
    .strokeColor(COLOURS.faint)
    .dash(3, { space: 2 })
    .stroke()
    .undash();
  doc.text("Other flow in the ancestry", x3 + 28, y + 2, { lineBreak: false });
  doc
    .fontSize(8)
    .fillColor(COLOURS.muted)
    .text("Edge labels: kg moved · share of the shipped cotton that came this way.", x, y + 20, {
      lineBreak: false,
    });
}
