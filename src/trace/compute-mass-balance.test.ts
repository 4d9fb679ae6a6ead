import { describe, expect, it } from "vitest";
import type { SupplyEvent } from "../model/index.ts";
import { buildTraceGraph } from "./build-trace-graph.ts";
import { commission, transform } from "./chain-builder.ts";
import { computeComposition } from "./compute-composition.ts";
import { computeMassBalance } from "./compute-mass-balance.ts";
import { scenarioRegionOf, scenarioStageOf } from "./scenario-geography.ts";

const XJ_GIN = "CN-Xinjiang-gin@ginning";
const US_FARM = "US-Texas-farm";
const MILL = "CN-Jiangsu-mill@spinning";

function balance(events: readonly SupplyEvent[], period?: "month") {
  const graph = buildTraceGraph(events);
  const comp = computeComposition(graph, scenarioRegionOf, { stageOf: scenarioStageOf });
  return computeMassBalance(
    graph,
    comp,
    period ? { stageOf: scenarioStageOf, period } : { stageOf: scenarioStageOf },
  );
}

describe("computeMassBalance", () => {
  it("passes a spinner whose output and claims its inputs explain", () => {
    const { locations } = balance([
      commission(XJ_GIN, [["xj", 600]]),
      commission(US_FARM, [["us", 400]]),
      transform(MILL, [["xj", 600]], [["yarn-cn", 540]], { claim: "CN" }),
      transform(MILL, [["us", 400]], [["yarn-us", 360]], { claim: "US" }),
    ]);
    expect(locations).toHaveLength(1);
    const mill = locations[0]!;
    expect(mill).toMatchObject({ location: `loc:${MILL}`, stage: "spinning", maxYield: 0.9, status: "ok" });
    expect(mill.inputKg).toBe(1000);
    expect(mill.outputKg).toBe(900);
    expect(mill.limitKg).toBe(900);
    expect(mill.claims).toEqual([
      { origin: "CN", claimedKg: 540, inputKg: 600, maxYield: 0.9, limitKg: 540, status: "ok" },
      { origin: "US", claimedKg: 360, inputKg: 400, maxYield: 0.9, limitKg: 360, status: "ok" },
    ]);
    expect(mill.flags).toEqual([]);
  });

  it("flags output claimed for an origin beyond that origin's input × max yield, with the figures", () => {
    const { locations } = balance([
      commission(XJ_GIN, [["xj", 600]]),
      commission(US_FARM, [["us", 400]]),
      transform(
        MILL,
        [
          ["xj", 600],
          ["us", 400],
        ],
        [["yarn-us", 500]],
        { claim: "US" },
      ),
      transform(MILL, [["xj", 0]], [["yarn-rest", 0]]),
    ]);
    const mill = locations[0]!;
    expect(mill.status).toBe("exceeded");
    const claim = mill.claims.find((c) => c.origin === "US")!;
    expect(claim.claimedKg).toBe(500);
    expect(claim.inputKg).toBeCloseTo(400, 9);
    expect(claim.limitKg).toBeCloseTo(360, 9);
    expect(mill.flags[0]).toMatchObject({ code: "mass-balance-exceeded", location: `loc:${MILL}` });
    expect(mill.flags[0]!.message).toBe(
      `loc:${MILL}: 500 kg claimed as US, but only 400 kg of US input × max yield 0.9 = 360 kg`,
    );
    expect(mill.inputs).toEqual([
      { origin: "CN/Xinjiang", kg: 600 },
      { origin: "US", kg: 400 },
    ]);
  });

  it("flags total output beyond total input × max yield", () => {
    const { locations } = balance([
      commission(US_FARM, [["us", 1000]]),
      transform(MILL, [["us", 1000]], [["yarn", 950]]),
    ]);
    const mill = locations[0]!;
    expect(mill.status).toBe("exceeded");
    expect(mill.flags.map((f) => f.message)).toEqual([
      `loc:${MILL}: output 950 kg exceeds input 1000 kg × max yield 0.9 = 900 kg (95.0 % of input)`,
    ]);
  });

  it("uses yield 1.0 for a location of unknown stage and balances per period when asked", () => {
    const { locations } = balance(
      [
        commission(US_FARM, [["us", 1000]]),
        transform("US--warehouse", [["us", 500]], [["a", 500]], { time: "2024-01-10T00:00:00Z" }),
        transform("US--warehouse", [["us", 500]], [["b", 501]], { time: "2024-02-10T00:00:00Z" }),
      ],
      "month",
    );
    expect(locations.map((l) => [l.period, l.maxYield, l.status])).toEqual([
      ["2024-01", 1, "ok"],
      ["2024-02", 1, "exceeded"],
    ]);
  });
});
