import type { Provenance } from "../model/index.ts";
import { compareText } from "./compare-text.ts";
import type { FigureProvenance } from "./evidence-package.ts";
import { formatKg, formatShare } from "./format-figure.ts";
import type { PackageInput, TraceResultInput } from "./package-input.ts";

/** Where every figure in the package comes from: file and line, or EPCIS event. */
export function collectProvenance(input: PackageInput): FigureProvenance[] {
  const figures: FigureProvenance[] = [
    figure(
      `shipment:${input.shipment.id}:quantity`,
      `Shipment ${input.shipment.id} quantity`,
      `${input.shipment.quantity.value} ${input.shipment.quantity.unit}`,
      [input.shipment.provenance],
    ),
    ...input.traces.flatMap(traceFigures),
    ...chainFigures(input),
    ...input.massBalance.map((m) =>
      figure(
        `balance:${m.location}`,
        `Mass balance at ${m.name}`,
        `in ${formatKg(m.inputs.reduce((s, x) => s + x.kg, 0))}, out ${formatKg(m.outputs.reduce((s, x) => s + x.kg, 0))}`,
        m.provenance,
      ),
    ),
    ...input.records.map((r) =>
      figure(
        `record:${r.bizTransaction.type}:${r.bizTransaction.id}`,
        `Business transaction ${r.bizTransaction.type} ${r.bizTransaction.id}`,
        `${r.from} → ${r.to}`,
        [r.provenance],
      ),
    ),
  ];
  return figures.toSorted((a, b) => compareText(a.figure, b.figure));
}

function traceFigures(t: TraceResultInput): FigureProvenance[] {
  const shares: readonly [keyof TraceResultInput & string, string, number][] = [
    ["xinjiangShare", "Xinjiang share", t.xinjiangShare],
    ["unknownShare", "Untraced share", t.unknownShare],
    ["expectedXinjiangShare", "Expected Xinjiang share", t.expectedXinjiangShare],
    ["worstCaseXinjiangShare", "Worst-case Xinjiang share", t.worstCaseXinjiangShare],
  ];
  return shares.map(([key, label, value]) =>
    figure(`trace:${t.lot}:${key}`, `${label} of lot ${t.lot}`, formatShare(value), t.provenance),
  );
}

function chainFigures(input: PackageInput): FigureProvenance[] {
  const nodes = input.chain.nodes
    .filter((n) => n.inputKg !== undefined || n.outputKg !== undefined)
    .map((n) =>
      figure(
        `node:${n.id}:quantities`,
        `Quantities at ${n.name}`,
        `${[n.inputKg, n.outputKg].map((kg) => (kg === undefined ? "?" : formatKg(kg))).join(" in, ")} out`,
        [n.provenance],
      ),
    );
  const edges = input.chain.edges.map((e) =>
    figure(`edge:${e.from}>${e.to}:${e.lot}`, `Lot ${e.lot} moved ${e.from} → ${e.to}`, formatKg(e.kg), [
      e.provenance,
    ]),
  );
  return [...nodes, ...edges];
}

function figure(id: string, label: string, value: string, sources: readonly Provenance[]): FigureProvenance {
  const unique = new Map(
    sources.map((s) => [`${s.source}\u0000${s.locator}`, { source: s.source, locator: s.locator }]),
  );
  return {
    figure: id,
    label,
    value,
    sources: [...unique.values()].toSorted(
      (a, b) => compareText(a.source, b.source) || compareText(a.locator, b.locator),
    ),
  };
}
