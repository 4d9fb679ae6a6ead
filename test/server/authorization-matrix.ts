import type { Role } from "../../src/app/index.ts";
import type { ApiFixture } from "./api-fixture.ts";

/** Who calls: a role's API token, or nobody. */
export type Caller = Role | "anonymous";

export interface MatrixCase {
  /** "GET /api/lots/{id}", as the OpenAPI document names the route. */
  readonly route: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: (f: ApiFixture) => string;
  readonly body?: (f: ApiFixture) => unknown;
  /** Expected status per caller. A supplier's by-id cases use its own records (X's). */
  readonly expect: Readonly<Record<Caller, number>>;
}

const id = encodeURIComponent;
const READ_ALL = { admin: 200, analyst: 200, viewer: 200, supplier: 200, anonymous: 401 } as const;
const STAFF_ONLY = { admin: 200, analyst: 200, viewer: 200, supplier: 403, anonymous: 401 } as const;
const DECIDERS = { admin: 200, analyst: 200, viewer: 403, supplier: 403, anonymous: 401 } as const;
const PUBLIC = { admin: 200, analyst: 200, viewer: 200, supplier: 200, anonymous: 200 } as const;

/**
 * THE authorization table: every route × every caller → status. `authorization-matrix.test.ts`
 * turns each cell into a request. Add a route here when you add it to the API (helpers A and U
 * append theirs below).
 */
export const AUTHORIZATION_MATRIX: MatrixCase[] = [
  { route: "GET /openapi.json", method: "GET", path: () => "/openapi.json", expect: PUBLIC },
  { route: "GET /api/docs", method: "GET", path: () => "/api/docs", expect: PUBLIC },
  { route: "GET /api/parties", method: "GET", path: () => "/api/parties", expect: READ_ALL },
  {
    route: "GET /api/parties/{id}",
    method: "GET",
    path: (f) => `/api/parties/${id(f.x.party)}`,
    expect: READ_ALL,
  },
  { route: "GET /api/locations", method: "GET", path: () => "/api/locations", expect: READ_ALL },
  {
    route: "GET /api/locations/{id}",
    method: "GET",
    path: (f) => `/api/locations/${id(f.x.location)}`,
    expect: READ_ALL,
  },
  { route: "GET /api/lots", method: "GET", path: () => "/api/lots", expect: READ_ALL },
  { route: "GET /api/lots/{id}", method: "GET", path: (f) => `/api/lots/${id(f.x.lot)}`, expect: READ_ALL },
  { route: "GET /api/events", method: "GET", path: () => "/api/events", expect: READ_ALL },
  {
    route: "GET /api/events/{id}",
    method: "GET",
    path: (f) => `/api/events/${id(f.x.event)}`,
    expect: READ_ALL,
  },
  {
    route: "GET /api/lots/{id}/trace",
    method: "GET",
    path: (f) => `/api/lots/${id(f.x.lot)}/trace`,
    expect: STAFF_ONLY,
  },
  { route: "GET /api/shipments", method: "GET", path: () => "/api/shipments", expect: STAFF_ONLY },
  { route: "GET /api/balance", method: "GET", path: () => "/api/balance", expect: STAFF_ONLY },
  { route: "GET /api/stats", method: "GET", path: () => "/api/stats", expect: STAFF_ONLY },
  { route: "GET /api/hits", method: "GET", path: () => "/api/hits", expect: STAFF_ONLY },
  {
    route: "POST /api/match",
    method: "POST",
    path: () => "/api/match",
    body: () => ({ queries: { q1: { name: "Xinjiang Zhongtai Chemical", country: "CN" } } }),
    expect: DECIDERS,
  },
  {
    route: "POST /api/hits/{key}/decision",
    method: "POST",
    path: (f) => `/api/hits/${id(f.hitKey)}/decision`,
    body: () => ({ status: "confirmed", reason: "authorization matrix: listed entity confirmed" }),
    expect: DECIDERS,
  },
  {
    // A pair screening need not produce: the supplier's own party, so a 403 is the role, not the scope.
    route: "POST /api/reviews",
    method: "POST",
    path: () => "/api/reviews",
    body: (f) => ({
      party: f.x.party,
      entry: "uflpa:aksu-huafu-color-spinning-co-ltd",
      status: "dismissed",
      reason: "authorization matrix: different company",
    }),
    expect: DECIDERS,
  },
  {
    route: "GET /api/hits/{key}/decisions",
    method: "GET",
    path: (f) => `/api/hits/${id(f.hitKey)}/decisions`,
    expect: STAFF_ONLY,
  },
  { route: "GET /api/lists", method: "GET", path: () => "/api/lists", expect: STAFF_ONLY },
  {
    route: "GET /api/lists/entries",
    method: "GET",
    path: () => "/api/lists/entries?q=huafu",
    expect: STAFF_ONLY,
  },
  // Uploads, documents and packages (helper U). Upload bodies are the file's bytes; here the
  // JSON of an empty EPCIS document (detected as epcis-json) or a small text.
  {
    route: "POST /api/imports",
    method: "POST",
    path: () => "/api/imports?name=matrix.jsonld",
    body: () => ({
      "@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      type: "EPCISDocument",
      epcisBody: { eventList: [] },
    }),
    // Suppliers import their own records (scope checked in the job: test/server/supplier-imports.test.ts).
    expect: { admin: 202, analyst: 202, viewer: 403, supplier: 202, anonymous: 401 },
  },
  { route: "GET /api/imports", method: "GET", path: () => "/api/imports", expect: STAFF_ONLY },
  {
    route: "GET /api/imports/{id}",
    method: "GET",
    path: () => "/api/imports/00000000-0000-4000-8000-000000000000",
    expect: { admin: 404, analyst: 404, viewer: 404, supplier: 404, anonymous: 401 },
  },
  {
    route: "POST /api/documents",
    method: "POST",
    path: (f) => `/api/documents?name=matrix.txt&type=invoice&ref=${id(f.x.party)}`,
    body: () => ({ note: "authorization matrix upload" }),
    expect: { admin: 201, analyst: 201, viewer: 403, supplier: 201, anonymous: 401 },
  },
  { route: "GET /api/documents", method: "GET", path: () => "/api/documents", expect: READ_ALL },
  {
    route: "GET /api/documents/{sha256}",
    method: "GET",
    path: (f) => `/api/documents/${f.yDocument}`,
    expect: { admin: 200, analyst: 200, viewer: 200, supplier: 404, anonymous: 401 },
  },
  {
    route: "GET /api/documents/{sha256}/content",
    method: "GET",
    path: (f) => `/api/documents/${f.yDocument}/content`,
    expect: { admin: 200, analyst: 200, viewer: 200, supplier: 404, anonymous: 401 },
  },
  {
    route: "POST /api/packages",
    method: "POST",
    path: () => "/api/packages",
    body: () => ({ shipment: "BOL-MATRIX-NONE" }),
    expect: { admin: 202, analyst: 202, viewer: 403, supplier: 403, anonymous: 401 },
  },
  {
    route: "GET /api/packages/{id}",
    method: "GET",
    path: () => "/api/packages/00000000-0000-4000-8000-000000000000",
    expect: { admin: 404, analyst: 404, viewer: 404, supplier: 403, anonymous: 401 },
  },
  {
    route: "GET /api/packages/{id}/package.pdf",
    method: "GET",
    path: () => "/api/packages/00000000-0000-4000-8000-000000000000/package.pdf",
    expect: { admin: 404, analyst: 404, viewer: 404, supplier: 403, anonymous: 401 },
  },
  {
    route: "GET /api/packages/{id}/package.json",
    method: "GET",
    path: () => "/api/packages/00000000-0000-4000-8000-000000000000/package.json",
    expect: { admin: 404, analyst: 404, viewer: 404, supplier: 403, anonymous: 401 },
  },
];

/** Supplier X asking for supplier Y's records by id: 404, exactly as if they did not exist. */
export const CROSS_SUPPLIER: readonly { readonly what: string; readonly path: (f: ApiFixture) => string }[] =
  [
    { what: "party", path: (f) => `/api/parties/${id(f.y.party)}` },
    { what: "location", path: (f) => `/api/locations/${id(f.y.location)}` },
    { what: "lot", path: (f) => `/api/lots/${id(f.y.lot)}` },
    { what: "event", path: (f) => `/api/events/${id(f.y.event)}` },
    { what: "document", path: (f) => `/api/documents/${f.yDocument}` },
  ];
