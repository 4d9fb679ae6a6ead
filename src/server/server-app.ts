import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerEnv } from "./server-env.ts";

/** The app every route module adds its routes to. */
export type ServerApp = OpenAPIHono<ServerEnv>;

/** A route module: one resource's routes, added to the app in `createApp`. */
export type RouteModule = (app: ServerApp) => void;
