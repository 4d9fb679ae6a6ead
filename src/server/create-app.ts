import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError, createReadModel, type ReadModel, type Store } from "../app/index.ts";
import { type AuthRouteOptions, accountRoutes, authMiddleware, authRoutes } from "./auth/index.ts";
import { readServerConfig, type ServerConfig } from "./config.ts";
import { bodyLimits, securityHeaders } from "./limits/index.ts";
import { errorBody, onError, validationError } from "./on-error.ts";
import { openApiRoutes } from "./openapi.ts";
import { balanceRoutes } from "./routes/balance-routes.ts";
import { documentRoutes } from "./routes/documents-routes.ts";
import { eventRoutes } from "./routes/events-routes.ts";
import { healthRoutes } from "./routes/health-routes.ts";
import { importRoutes } from "./routes/imports-routes.ts";
import { listRoutes } from "./routes/lists-routes.ts";
import { locationRoutes } from "./routes/locations-routes.ts";
import { lotRoutes } from "./routes/lots-routes.ts";
import { packageRoutes } from "./routes/packages-routes.ts";
import { partyRoutes } from "./routes/parties-routes.ts";
import { screeningRoutes } from "./routes/screening-routes.ts";
import { traceRoutes } from "./routes/traces-routes.ts";
import type { ServerApp } from "./server-app.ts";
import type { ServerEnv } from "./server-env.ts";
import { serveWeb } from "./static-web.ts";
import { inThreadTraceService, type TraceService } from "./trace-service.ts";

export interface CreateAppOptions {
  readonly store: Store;
  /** Limits and secrets; defaults as if no flag or variable were set. */
  readonly config?: ServerConfig;
  /** Receives every 5xx cause (the response never shows it); the serve command prints to stderr. */
  readonly report?: (error: unknown) => void;
  /** Login rate limiter, Secure cookies, proxy trust (src/server/auth). */
  readonly auth?: AuthRouteOptions;
  /** Shared when several apps serve one store; by default each app builds its own. */
  readonly readModel?: ReadModel;
  /** Traces and graph readiness; by default the read model's graph in this thread. */
  readonly traces?: TraceService;
}

/**
 * The HTTP API as a Hono app on web-standard Request/Response: `app.fetch` for a server,
 * `app.request()` for tests. The store is opened and closed by the caller.
 */
export function createApp(options: CreateAppOptions): ServerApp {
  const config = options.config ?? readServerConfig({}, {});
  const app = new OpenAPIHono<ServerEnv>({
    // A request that fails its zod schema is an `invalid-input` error like any other.
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.onError(onError(options.report ?? (() => {})));
  app.notFound((c) =>
    c.json(errorBody(new AppError("not-found", `no route ${c.req.method} ${c.req.path}`)), 404),
  );
  const readModel = options.readModel ?? createReadModel(options.store);
  const traces = options.traces ?? inThreadTraceService(options.store, readModel);
  app.use(async (c, next) => {
    c.set("store", options.store);
    c.set("readModel", readModel);
    c.set("traces", traces);
    await next();
  });

  // Middleware, one line each (order matters: limits and headers, then auth). `config` holds
  // the upload limit and session secret they need.
  app.use(securityHeaders());
  app.use(bodyLimits(config.uploadLimitBytes));
  app.use(authMiddleware());

  // Route modules, one line each.
  openApiRoutes(app); // GET /openapi.json and the reference page /api/docs (public)
  healthRoutes(app); // GET /api/health (public)
  partyRoutes(app);
  locationRoutes(app);
  lotRoutes(app);
  traceRoutes(app);
  eventRoutes(app);
  screeningRoutes(app);
  listRoutes(app); // GET /api/lists, /api/lists/entries (reviewers pick a list entry)
  balanceRoutes(app);
  authRoutes({ trustProxy: config.trustProxy, ...options.auth })(app);
  accountRoutes(app);
  importRoutes(config.uploadLimitBytes)(app);
  documentRoutes(config.uploadLimitBytes)(app);
  packageRoutes()(app);
  serveWeb(app); // the web UI (web/dist) for GETs outside /api; any position works, it passes /api on

  return app;
}
