import { createRoute, type z } from "@hono/zod-openapi";
import { IdParamSchema, type PageQuerySchema } from "../../api/index.ts";
import type { DataScope, ListingPage, ReadModel, Store } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { apiPage, decodeCursor } from "../pagination.ts";
import { ANY_ROLE, scopeOfRequest } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { type Defined, defined, type Wire, wire } from "../wire.ts";

/** What a listing use case is asked for: the query's filters, with the cursor decoded into `after`. */
type Listing<Query> = Defined<Omit<Query, "cursor"> & { after: string | undefined }>;

/**
 * `Schema` when `Value` fits what it documents (the check `c.json` makes on a route of its own);
 * otherwise a type no schema has, so the call naming it does not compile.
 */
type Fits<Schema extends z.ZodType, Value> =
  Value extends z.output<Schema> ? Schema : { "the value does not fit the response schema": Value };

/** What one kind of record's list and detail routes say and call; the rest is `recordRoutes`. */
export interface RecordRoutes<
  Query extends typeof PageQuerySchema,
  Page extends z.ZodType,
  Row,
  One extends z.ZodType,
  Detail,
> {
  /** The collection, e.g. `/api/parties`; one record is at `{path}/{id}`. */
  readonly path: string;
  readonly list: {
    readonly summary: string;
    readonly description: string;
    readonly query: Query;
    readonly page: Page & Fits<Page, ReturnType<typeof apiPage<Wire<Row>>>>;
    /** The 200 response's description, e.g. "a page of parties". */
    readonly answers: string;
  };
  readonly one: {
    readonly summary: string;
    readonly detail: One & Fits<One, Wire<Detail>>;
    readonly answers: string;
  };
  readonly page: (
    store: Store,
    model: ReadModel,
    scope: DataScope,
    listing: Listing<z.output<Query>>,
  ) => Promise<ListingPage<Row>>;
  readonly detail: (store: Store, model: ReadModel, scope: DataScope, id: string) => Promise<Detail>;
}

/**
 * A record kind's two read routes, open to every role: `GET {path}`, a cursor page in id order
 * filtered by the query, and `GET {path}/{id}`; the use cases scope both to the caller.
 */
export function recordRoutes<
  Query extends typeof PageQuerySchema,
  Page extends z.ZodType,
  Row,
  One extends z.ZodType,
  Detail,
>(spec: RecordRoutes<Query, Page, Row, One, Detail>): RouteModule {
  // The routes are typed with the base schemas: the spec's own types were checked against each
  // other above, where the kind is known.
  const list = createRoute({
    method: "get",
    path: spec.path,
    tags: ["records"],
    summary: spec.list.summary,
    description: spec.list.description,
    middleware: [requireRole(...ANY_ROLE)] as const,
    request: { query: spec.list.query as typeof PageQuerySchema },
    responses: {
      200: { description: spec.list.answers, content: json(spec.list.page as z.ZodType) },
      ...errorResponses(400, 401, 403),
    },
  });
  const one = createRoute({
    method: "get",
    path: `${spec.path}/{id}`,
    tags: ["records"],
    summary: spec.one.summary,
    middleware: [requireRole(...ANY_ROLE)] as const,
    request: { params: IdParamSchema },
    responses: {
      200: { description: spec.one.answers, content: json(spec.one.detail as z.ZodType) },
      ...errorResponses(401, 403, 404),
    },
  });
  return (app) => {
    app.openapi(list, async (c) => {
      const { cursor, ...query } = c.req.valid("query");
      const after = decodeCursor(cursor);
      // The validator ran the spec's query schema, so the filters are its output.
      const listing = defined({ ...query, after }) as Listing<z.output<Query>>;
      const page = await spec.page(c.var.store, c.var.readModel, scopeOfRequest(c), listing);
      return c.json(wire(apiPage(page)), 200);
    });
    app.openapi(one, async (c) => {
      const { id } = c.req.valid("param");
      const detail = await spec.detail(c.var.store, c.var.readModel, scopeOfRequest(c), id);
      return c.json(wire(detail), 200);
    });
  };
}
