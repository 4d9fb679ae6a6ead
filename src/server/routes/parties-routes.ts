import { PartyDetailSchema, PartyListQuerySchema, PartyPageSchema } from "../../api/index.ts";
import { listParties, partyDetail } from "../../app/index.ts";
import { recordRoutes } from "./record-routes.ts";

export const partyRoutes = recordRoutes({
  path: "/api/parties",
  list: {
    summary: "Parties (companies) with their screening hits by state",
    description: "In id order. A supplier sees only its own party.",
    query: PartyListQuerySchema,
    page: PartyPageSchema,
    answers: "a page of parties",
  },
  one: {
    summary: "One party, its hits and the locations it operates",
    detail: PartyDetailSchema,
    answers: "the party",
  },
  page: listParties,
  detail: partyDetail,
});
