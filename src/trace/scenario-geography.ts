import type { LocationId } from "../model/index.ts";
import type { RegionInfo, RegionOf, Stage, StageOf } from "./inputs.ts";

/**
 * A tiny geography for tests and the benchmark: location ids of the form `loc:<country>-<region>-<name>`
 * (`loc:CN-Xinjiang-gin1`, `loc:US--farm`, `loc:XX--nowhere` for unresolvable) and stage by a
 * `@<stage>` suffix (`loc:CN-Jiangsu-mill@spinning`).
 */
export const scenarioRegionOf: RegionOf = (location: LocationId): RegionInfo | undefined => {
  const [country, region] = location.replace(/^loc:/, "").split("-");
  if (!country || country === "XX") return undefined;
  const info: RegionInfo = { country, xinjiang: region === "Xinjiang" };
  return region ? { ...info, region } : info;
};

export const scenarioStageOf: StageOf = (location: LocationId): Stage | undefined => {
  const at = location.indexOf("@");
  return at < 0 ? undefined : (location.slice(at + 1) as Stage);
};
