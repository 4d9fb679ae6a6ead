export type { DivisionRef, Region, RegionQuery, XinjiangLocation } from "./geo/index.ts";
export { locateXinjiang, resolveRegion } from "./geo/index.ts";
