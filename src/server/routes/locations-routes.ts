import { LocationListQuerySchema, LocationPageSchema, LocationRowSchema } from "../../api/index.ts";
import { listLocations, locationDetail } from "../../app/index.ts";
import { recordRoutes } from "./record-routes.ts";

export const locationRoutes = recordRoutes({
  path: "/api/locations",
  list: {
    summary: "Facilities with coordinates, operator and risk (Xinjiang address, list hits)",
    description:
      "In id order. Filters: q (name or id), country, region (province or Xinjiang), hits, risk. A supplier sees only the locations its party operates or owns.",
    query: LocationListQuerySchema,
    page: LocationPageSchema,
    answers: "a page of locations",
  },
  one: {
    summary: "One facility with its operator and risk",
    detail: LocationRowSchema,
    answers: "the location",
  },
  page: listLocations,
  detail: locationDetail,
});
