import { LotDetailSchema, LotPageSchema, PageQuerySchema } from "../../api/index.ts";
import {
  type DataScope,
  type ListingPage,
  type LotDetail,
  listLots,
  lotDetail,
  type PageRequest,
  type ReadModel,
  type Store,
} from "../../app/index.ts";
import type { Lot } from "../../model/index.ts";
import { recordRoutes } from "./record-routes.ts";

// Lots carry no screening: their use cases do not take the read model.
const page = (
  store: Store,
  _model: ReadModel,
  scope: DataScope,
  listing: PageRequest,
): Promise<ListingPage<Lot>> => listLots(store, scope, listing);
const detail = (store: Store, _model: ReadModel, scope: DataScope, id: string): Promise<LotDetail> =>
  lotDetail(store, scope, id);

export const lotRoutes = recordRoutes({
  path: "/api/lots",
  list: {
    summary: "Lots (batches of one product class) in id order",
    description: "A supplier sees the lots created, held or transformed at its locations.",
    query: PageQuerySchema,
    page: LotPageSchema,
    answers: "a page of lots",
  },
  one: {
    summary: "One lot with its events (oldest first), the business documents they cite and registered files",
    detail: LotDetailSchema,
    answers: "the lot",
  },
  page,
  detail,
});
