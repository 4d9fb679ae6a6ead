import type { Core, StylesheetJson } from "cytoscape";
import { useEffect, useRef } from "react";
import type { CyElement } from "./trace-elements.ts";

/** Risk marks: colour plus shape, so they read without colour (and in greyscale print). */
const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: "data(size)",
      height: "data(size)",
      "background-color": "#5b6b7f",
      "border-width": 2,
      "border-color": "#ffffff",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "170px",
      "font-size": 12,
      "font-family": "system-ui, 'Threadproof CJK', sans-serif",
      color: "#1b2430",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "2px",
    },
  },
  { selector: "node.root", style: { "background-color": "#1f4e8c", shape: "round-rectangle" } },
  { selector: "node.risk-xinjiang", style: { "background-color": "#b3261e", shape: "diamond" } },
  {
    selector: "node.risk-listed",
    style: { "background-color": "#7a1fa2", shape: "octagon", "border-color": "#2b0a3d", "border-width": 3 },
  },
  { selector: "node.risk-unknown", style: { "background-color": "#9a6700", shape: "triangle" } },
  { selector: "node:selected", style: { "border-color": "#f2b200", "border-width": 5 } },
  {
    selector: "node.tier-label",
    style: {
      width: 1,
      height: 1,
      "background-opacity": 0,
      "border-width": 0,
      "text-valign": "center",
      "font-size": 13,
      "font-weight": "bold",
      color: "#4f5b69",
      "text-background-opacity": 0,
      events: "no",
    },
  },
  {
    selector: "edge",
    style: {
      width: "mapData(share, 0, 1, 1.5, 10)",
      "line-color": "#9aa8b8",
      "target-arrow-color": "#9aa8b8",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 12,
      "font-weight": "bold",
      color: "#1b2430",
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
      "text-background-padding": "2px",
    },
  },
  { selector: "edge.carries-xinjiang", style: { "line-color": "#d9534f", "target-arrow-color": "#d9534f" } },
];

/** Draws the elements with Cytoscape (loaded on first use) at their preset column positions. */
export function TraceGraphView({
  elements,
  onSelect,
}: {
  elements: readonly CyElement[];
  onSelect: (lot: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    let cy: Core | undefined;
    let live = true;
    import("cytoscape").then(
      ({ default: cytoscape }) => {
        if (!live || !container.current) return;
        cy = cytoscape({
          container: container.current,
          elements: elements.map((e) => ({ ...e, data: { ...e.data } })) as never,
          style: STYLE,
          layout: { name: "preset", padding: 40 },
          wheelSensitivity: 0.3,
          minZoom: 0.1,
          maxZoom: 3,
        });
        cy.on("tap", "node", (evt) => {
          const id = String(evt.target.id());
          if (!id.startsWith("tier:")) select.current(id);
        });
        cy.fit(undefined, 40);
      },
      () => {},
    );
    return () => {
      live = false;
      cy?.destroy();
    };
  }, [elements]);
  return (
    <div
      ref={container}
      className="graph-canvas"
      role="img"
      aria-label="Supply-chain graph: origins on the left, the traced lot on the right; use the table below for the same data as text."
      data-testid="trace-graph"
    />
  );
}
