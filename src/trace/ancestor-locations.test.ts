import { describe, expect, it } from "vitest";
import { ancestorLocations } from "./ancestor-locations.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import { commission, custody, transform } from "./chain-builder.ts";

describe("ancestorLocations", () => {
  it("lists the locations of every producing event upstream, and nothing downstream", () => {
    const graph = buildTraceGraph([
      commission("farm", [["seed", 1000, "KGM"]]),
      transform("gin", [["seed", 1000, "KGM"]], [["lint", 400, "KGM"]]),
      custody("ship", "trader", [["lint", 400, "KGM"]]),
      transform("mill", [["lint", 400, "KGM"]], [["yarn", 350, "KGM"]]),
      transform("factory", [["yarn", 350, "KGM"]], [["shirts", 300, "KGM"]]),
    ]);
    expect(ancestorLocations(graph, "lot:yarn").sort()).toEqual(["loc:farm", "loc:gin", "loc:mill"]);
    expect(ancestorLocations(graph, "lot:nope")).toEqual([]);
  });
});
