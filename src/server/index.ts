export { readServerConfig, type ServerConfig, type ServerFlags } from "./config.ts";
export { type CreateAppOptions, createApp } from "./create-app.ts";
export { type ErrorBody, HTTP_STATUS } from "./on-error.ts";
export type { RouteModule, ServerApp } from "./server-app.ts";
export type { ServerEnv } from "./server-env.ts";
export { type RunningServer, startServer } from "./start-server.ts";
export { startLowered } from "./thread-priority.ts";
export {
  createTraceWorker,
  type GraphState,
  inThreadTraceService,
  type TraceService,
} from "./trace-service.ts";
